using Platform.Inference.Imaging;

namespace Platform.Inference.Generation;

/// <summary>Preprocessed images, channel-first float32, one after another.</summary>
public sealed record PixelBatch(float[] Values, int Count, int Channels, int Height, int Width)
{
    public int ImageLength => Channels * Height * Width;

    /// <summary>An empty batch of <paramref name="count"/> images of the size <paramref name="preprocessor"/> produces.</summary>
    public static PixelBatch For(ImagePreprocessor preprocessor, int count) => new(
        new float[count * preprocessor.Channels * preprocessor.Height * preprocessor.Width],
        count, preprocessor.Channels, preprocessor.Height, preprocessor.Width);

    /// <exception cref="ImageRejectedException">The bytes are not a usable image.</exception>
    public void Fill(int index, ImagePreprocessor preprocessor, ReadOnlySpan<byte> encodedImage) =>
        preprocessor.Preprocess(encodedImage, Values.AsSpan(index * ImageLength, ImageLength));
}
