using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Platform.Inference.Imaging;

/// <summary>
/// Pillow's <c>ImagingResampleHorizontal_8bpc</c> and <c>ImagingResampleVertical_8bpc</c> for RGB.
/// Inner loops index through refs: every window lies inside its row by construction of the kernel
/// (first + count &lt;= input size), which the span checks at row level guard.
/// </summary>
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
        ref var coefficients = ref MemoryMarshal.GetArrayDataReference(kernel.Coefficients);
        for (var yy = 0; yy < rows; yy++)
        {
            ref var inRow = ref MemoryMarshal.GetReference(source.Slice((yy + rowOffset) * width * Channels, width * Channels));
            var outRow = destination.Slice(yy * outWidth * Channels, outWidth * Channels);
            for (var xx = 0; xx < outWidth; xx++)
            {
                ref var taps = ref Unsafe.Add(ref inRow, bounds[xx * 2] * Channels);
                ref var k = ref Unsafe.Add(ref coefficients, xx * kernel.Size);
                var count = bounds[(xx * 2) + 1];
                int r = Half, g = Half, b = Half;
                for (var x = 0; x < count; x++)
                {
                    var weight = Unsafe.Add(ref k, x);
                    ref var pixel = ref Unsafe.Add(ref taps, x * Channels);
                    r += pixel * weight;
                    g += Unsafe.Add(ref pixel, 1) * weight;
                    b += Unsafe.Add(ref pixel, 2) * weight;
                }
                outRow[xx * Channels] = Clip8(r);
                outRow[(xx * Channels) + 1] = Clip8(g);
                outRow[(xx * Channels) + 2] = Clip8(b);
            }
        }
    }

    /// <summary>
    /// Each output row sums its input rows in order; accumulating row by row keeps reads sequential and
    /// vectorisable, and gives the same integers as Pillow's column-wise loop (integer addition is exact).
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
                    WeightedRowSum.Accumulate(acc, source.Slice((ymin + y) * rowLength, rowLength), k[y]);
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
