using Platform.Inference.Generation;

namespace Platform.Inference.Tests.Support;

/// <summary>Deterministic encoder inputs for the random checkpoints.</summary>
internal static class Inputs
{
    public static PixelBatch Pixels(int count, int imageSize, int seed = 1)
    {
        var random = new Random(seed);
        var values = new float[count * 3 * imageSize * imageSize];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }
        return new PixelBatch(values, count, 3, imageSize, imageSize);
    }

    public static PixelBatch Slice(PixelBatch batch, int index) =>
        batch with { Values = batch.Values.AsSpan(index * batch.ImageLength, batch.ImageLength).ToArray(), Count = 1 };

    /// <summary>Marian-style sources ending in EOS (id 0), of different lengths so that batches are padded.</summary>
    public static int[][] Sources() => [[5, 9, 13, 21, 0], [7, 8, 0], [30, 2, 44, 17, 9, 12, 0], [3, 0]];
}
