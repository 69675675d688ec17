namespace Platform.Inference.Generation;

/// <summary>Preprocessed images, channel-first float32, one after another.</summary>
public sealed record PixelBatch(float[] Values, int Count, int Channels, int Height, int Width)
{
    public int ImageLength => Channels * Height * Width;
}
