namespace Platform.Inference.Imaging;

/// <summary>
/// Refusal thresholds checked before any pixel is decoded: <paramref name="MaxPixels"/> against the
/// dimensions the file declares (a small PNG can declare gigapixels), <paramref name="MaxBytes"/>
/// against the encoded length.
/// </summary>
public sealed record ImageLimits(long MaxPixels = 40_000_000, long MaxBytes = 50 * 1024 * 1024);
