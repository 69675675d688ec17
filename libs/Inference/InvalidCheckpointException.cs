namespace Platform.Inference;

/// <summary>A checkpoint folder that cannot work; the message names what is missing or mismatched.</summary>
public sealed class InvalidCheckpointException(string directory, string reason)
    : Exception($"Invalid checkpoint '{directory}': {reason}")
{
    public string Directory { get; } = directory;

    public string Reason { get; } = reason;
}
