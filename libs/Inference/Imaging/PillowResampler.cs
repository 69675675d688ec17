using System.Buffers;

namespace Platform.Inference.Imaging;

/// <summary>
/// Pillow's <c>Image.resize</c> on an 8-bit RGB image (libImaging/Resample.c, and Geometry.c for
/// nearest), bit for bit: separable convolution, horizontal pass first, 22-bit fixed-point
/// coefficients, rounding and clipping to 8 bits after each pass, the vertical pass reading only the
/// rows it needs. Pixels are packed RGB, 3 bytes each, rows without padding.
/// </summary>
public static class PillowResampler
{
    public const int Channels = 3;

    public static void Resize(
        ReadOnlySpan<byte> source, int width, int height,
        Span<byte> destination, int outWidth, int outHeight, ResamplingFilter filter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(source.Length, width * height * Channels, nameof(source));
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, outWidth * outHeight * Channels, nameof(destination));
        if (width == outWidth && height == outHeight)
        {
            source[..(width * height * Channels)].CopyTo(destination);
        }
        else if (filter == ResamplingFilter.Nearest)
        {
            NearestResampler.Resize(source, width, height, destination, outWidth, outHeight);
        }
        else
        {
            Convolve(source, width, height, destination, outWidth, outHeight, filter);
        }
    }

    private static void Convolve(
        ReadOnlySpan<byte> source, int width, int height,
        Span<byte> destination, int outWidth, int outHeight, ResamplingFilter filter)
    {
        var vertical = ResampleKernelCache.Get(height, outHeight, filter);
        if (width == outWidth)
        {
            ConvolutionPasses.Vertical(source, width, 0, destination, outHeight, vertical);
            return;
        }
        var horizontal = ResampleKernelCache.Get(width, outWidth, filter);
        if (height == outHeight)
        {
            ConvolutionPasses.Horizontal(source, width, 0, destination, outWidth, outHeight, horizontal);
            return;
        }
        // Only the source rows that some output row reads go through the horizontal pass.
        var firstRow = vertical.Bounds[0];
        var lastRow = vertical.Bounds[(outHeight * 2) - 2] + vertical.Bounds[(outHeight * 2) - 1];
        var tempLength = outWidth * (lastRow - firstRow) * Channels;
        var temp = ArrayPool<byte>.Shared.Rent(tempLength);
        try
        {
            ConvolutionPasses.Horizontal(source, width, firstRow, temp.AsSpan(0, tempLength), outWidth, lastRow - firstRow, horizontal);
            ConvolutionPasses.Vertical(temp.AsSpan(0, tempLength), outWidth, firstRow, destination, outHeight, vertical);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(temp);
        }
    }
}
