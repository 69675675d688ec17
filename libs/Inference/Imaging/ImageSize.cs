namespace Platform.Inference.Imaging;

/// <summary>Pixel dimensions, height first as in Hugging Face processors.</summary>
public readonly record struct ImageSize(int Height, int Width)
{
    public long Pixels => (long)Height * Width;
}
