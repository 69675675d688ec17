namespace Platform.Inference.Execution;

public sealed record ExecutionOptions
{
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Auto;

    public int DeviceId { get; init; }

    /// <summary>0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; init; }

    public int InterOpThreads { get; init; }
}
