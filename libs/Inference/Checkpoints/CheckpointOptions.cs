using Platform.Inference.Imaging;

namespace Platform.Inference.Checkpoints;

public sealed record CheckpointOptions
{
    public static readonly CheckpointOptions Default = new();

    /// <summary>File suffix of the ONNX files to load ("fp16" for *_fp16.onnx); null for the plain files.</summary>
    public string? Variant { get; init; }

    public CacheMode CacheMode { get; init; } = CacheMode.Auto;

    public ImageLimits ImageLimits { get; init; } = new();
}
