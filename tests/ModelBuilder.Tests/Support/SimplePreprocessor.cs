using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Platform.ModelBuilder.Tests.Support;

/// <summary>
/// An approximation of ViTImageProcessor for these tests: SkiaSharp decode, bilinear resize with
/// mipmaps (Pillow's bilinear also filters when shrinking), rescale 1/255, normalise mean/std 0.5.
/// The engine's tests check the models through the real, Pillow-exact preprocessing.
/// </summary>
internal static class SimplePreprocessor
{
    public static DenseTensor<float> Preprocess(byte[] encoded, int size)
    {
        using var decoded = SKBitmap.Decode(encoded) ?? throw new InvalidDataException("Not an image.");
        using var resized = decoded.Resize(new SKImageInfo(size, size, SKColorType.Rgba8888), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var tensor = new DenseTensor<float>([1, 3, size, size]);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var pixel = resized.GetPixel(x, y);
                tensor[0, 0, y, x] = Normalise(pixel.Red);
                tensor[0, 1, y, x] = Normalise(pixel.Green);
                tensor[0, 2, y, x] = Normalise(pixel.Blue);
            }
        }

        return tensor;
    }

    private static float Normalise(byte value) => ((value / 255f) - 0.5f) / 0.5f;
}
