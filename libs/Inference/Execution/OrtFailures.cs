using Microsoft.ML.OnnxRuntime;

namespace Platform.Inference.Execution;

/// <summary>Turns ONNX Runtime allocation failures into <see cref="InferenceOutOfMemoryException"/>.</summary>
internal static class OrtFailures
{
    // ORT reports allocation failures only through its message text (arena, CPU, CUDA and cuDNN wordings).
    private static readonly string[] OutOfMemoryMarkers =
    [
        "Failed to allocate memory", "out of memory", "bad_alloc", "bad allocation",
        "cudaErrorMemoryAllocation", "CUBLAS_STATUS_ALLOC_FAILED", "CUDNN_STATUS_ALLOC_FAILED",
        "Available memory of",
    ];

    public static bool IsOutOfMemory(string message) =>
        OutOfMemoryMarkers.Any(marker => message.Contains(marker, StringComparison.OrdinalIgnoreCase));

    public static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (OnnxRuntimeException e) when (IsOutOfMemory(e.Message))
        {
            throw new InferenceOutOfMemoryException($"ONNX Runtime ran out of memory: {e.Message}", e);
        }
        catch (OutOfMemoryException e)
        {
            throw new InferenceOutOfMemoryException($"Out of memory during inference: {e.Message}", e);
        }
    }
}
