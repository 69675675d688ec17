namespace Platform.Inference.Imaging;

/// <summary>
/// JPEG can be decoded at 1/2, 1/4 or 1/8 of its size for a fraction of the cost. The result differs
/// from Pillow's (which decodes in full before resizing), so it is used only when the image is more
/// than <paramref name="ScaledDecodingFactor"/> times the resize target in both dimensions, and the
/// decoded size stays at least twice the target, so Pillow's antialiasing filter still does the final
/// reduction. Set <paramref name="ScaledJpegDecoding"/> to false for pixels identical to Pillow's.
/// </summary>
public sealed record ImageDecodingOptions(bool ScaledJpegDecoding = true, int ScaledDecodingFactor = 4)
{
    public static ImageDecodingOptions Default { get; } = new();
}
