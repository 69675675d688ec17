namespace Platform.Inference.Imaging;

/// <summary>
/// What a Hugging Face image processor class assumes for keys its config leaves out, and whether an
/// integer <c>size</c> means the shortest edge (CLIP-like) or a square (ViT, DeiT, BLIP).
/// </summary>
internal sealed record ProcessorDefaults(
    bool IntegerSizeIsShortestEdge, ResamplingFilter Resample, bool DoCenterCrop, double[] Mean, double[] Std)
{
    private static readonly double[] StandardMean = [0.5, 0.5, 0.5];
    private static readonly double[] ImageNetMean = [0.485, 0.456, 0.406];
    private static readonly double[] ImageNetStd = [0.229, 0.224, 0.225];
    private static readonly double[] ClipMean = [0.48145466, 0.4578275, 0.40821073];
    private static readonly double[] ClipStd = [0.26862954, 0.26130258, 0.27577711];

    public static ProcessorDefaults For(string? processorType) => processorType switch
    {
        _ when Is(processorType, "CLIP") || Is(processorType, "ChineseCLIP") =>
            new(true, ResamplingFilter.Bicubic, true, ClipMean, ClipStd),
        _ when Is(processorType, "Blip") => new(false, ResamplingFilter.Bicubic, false, ClipMean, ClipStd),
        _ when Is(processorType, "DeiT") => new(false, ResamplingFilter.Bicubic, true, ImageNetMean, ImageNetStd),
        _ => new(false, ResamplingFilter.Bilinear, false, StandardMean, StandardMean),
    };

    private static bool Is(string? processorType, string family) =>
        processorType is not null
        && (processorType.Equals(family + "ImageProcessor", StringComparison.Ordinal)
            || processorType.Equals(family + "FeatureExtractor", StringComparison.Ordinal));
}
