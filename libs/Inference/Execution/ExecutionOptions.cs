namespace Platform.Inference.Execution;

public sealed record ExecutionOptions
{
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Auto;

    public int DeviceId { get; init; }

    /// <summary>0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; init; }

    public int InterOpThreads { get; init; }

    /// <summary>
    /// Whether idle intra-op threads spin waiting for work (ONNX Runtime's own default is to spin). Spinning wins when
    /// inference has the cores to itself; a worker shares them with fetching, decoding and writing, which spinning
    /// starves (bench pipeline on 2 cores: 121 images/s spinning, 134 not).
    /// </summary>
    public bool AllowSpinning { get; init; }
}
