namespace Platform.Inference.Imaging;

/// <summary>Resampling filters, numbered as Pillow's <c>Image.Resampling</c> (and HF's <c>resample</c> key).</summary>
public enum ResamplingFilter
{
    Nearest = 0,
    Lanczos = 1,
    Bilinear = 2,
    Bicubic = 3,
    Box = 4,
    Hamming = 5,
}
