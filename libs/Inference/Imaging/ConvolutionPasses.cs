using System.Buffers;

namespace Platform.Inference.Imaging;

/// <summary>Pillow's <c>ImagingResampleHorizontal_8bpc</c> and <c>ImagingResampleVertical_8bpc</c> for RGB.</summary>
internal static class ConvolutionPasses
{
    private const int Channels = PillowResampler.Channels;
    private const int Half = 1 << (ResampleKernel.PrecisionBits - 1);

    /// <summary>Resamples rows <paramref name="rowOffset"/>.. of the source into <paramref name="rows"/> output rows.</summary>
    public static void Horizontal(
        ReadOnlySpan<byte> source, int width, int rowOffset,
        Span<byte> destination, int outWidth, int rows, ResampleKernel kernel)
    {
        var bounds = kernel.Bounds;
        var coefficients = kernel.Coefficients;
        for (var yy = 0; yy < rows; yy++)
        {
            var inRow = source.Slice((yy + rowOffset) * width * Channels, width * Channels);
            var outRow = destination.Slice(yy * outWidth * Channels, outWidth * Channels);
            for (var xx = 0; xx < outWidth; xx++)
            {
                var taps = inRow.Slice(bounds[xx * 2] * Channels, bounds[(xx * 2) + 1] * Channels);
                var k = coefficients.AsSpan(xx * kernel.Size, kernel.Size);
                int r = Half, g = Half, b = Half;
                for (int x = 0, i = 0; i < taps.Length; x++, i += Channels)
                {
                    r += taps[i] * k[x];
                    g += taps[i + 1] * k[x];
                    b += taps[i + 2] * k[x];
                }
                outRow[xx * Channels] = Clip8(r);
                outRow[(xx * Channels) + 1] = Clip8(g);
                outRow[(xx * Channels) + 2] = Clip8(b);
            }
        }
    }

    /// <summary>
    /// Each output row sums its input rows in order; accumulating row by row keeps reads sequential and
    /// gives the same integers as Pillow's column-wise loop (integer addition is exact).
    /// </summary>
    public static void Vertical(
        ReadOnlySpan<byte> source, int width, int rowOffset,
        Span<byte> destination, int outHeight, ResampleKernel kernel)
    {
        var rowLength = width * Channels;
        var sums = ArrayPool<int>.Shared.Rent(rowLength);
        try
        {
            var acc = sums.AsSpan(0, rowLength);
            for (var yy = 0; yy < outHeight; yy++)
            {
                var ymin = kernel.Bounds[yy * 2] - rowOffset;
                var k = kernel.Coefficients.AsSpan(yy * kernel.Size, kernel.Bounds[(yy * 2) + 1]);
                acc.Fill(Half);
                for (var y = 0; y < k.Length; y++)
                {
                    var inRow = source.Slice((ymin + y) * rowLength, rowLength);
                    var weight = k[y];
                    for (var i = 0; i < acc.Length; i++)
                    {
                        acc[i] += inRow[i] * weight;
                    }
                }
                var outRow = destination.Slice(yy * rowLength, rowLength);
                for (var i = 0; i < acc.Length; i++)
                {
                    outRow[i] = Clip8(acc[i]);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sums);
        }
    }

    private static byte Clip8(int sum) => (byte)Math.Clamp(sum >> ResampleKernel.PrecisionBits, 0, 255);
}
