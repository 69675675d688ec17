namespace Platform.Inference;

/// <summary>ONNX Runtime could not allocate memory; callers retry with a smaller micro-batch.</summary>
public sealed class InferenceOutOfMemoryException(string message, Exception innerException)
    : Exception(message, innerException);
