namespace Platform.Inference.Imaging;

/// <summary>
/// Pillow resizes with NEAREST through an affine scale (libImaging/Geometry.c <c>ImagingScaleAffine</c>):
/// source positions accumulate the step in double precision and are truncated.
/// </summary>
internal static class NearestResampler
{
    private const int Channels = PillowResampler.Channels;

    public static void Resize(ReadOnlySpan<byte> source, int width, int height, Span<byte> destination, int outWidth, int outHeight)
    {
        Span<int> columns = outWidth <= 4096 ? stackalloc int[outWidth] : new int[outWidth];
        var xStep = (double)(float)width / outWidth;
        var yStep = (double)(float)height / outHeight;
        var xo = xStep * 0.5;
        for (var x = 0; x < outWidth; x++)
        {
            columns[x] = Math.Min(Coordinate(xo), width - 1);
            xo += xStep;
        }
        var yo = yStep * 0.5;
        for (var y = 0; y < outHeight; y++)
        {
            var inRow = source.Slice(Math.Min(Coordinate(yo), height - 1) * width * Channels, width * Channels);
            var outRow = destination.Slice(y * outWidth * Channels, outWidth * Channels);
            for (var x = 0; x < outWidth; x++)
            {
                inRow.Slice(columns[x] * Channels, Channels).CopyTo(outRow.Slice(x * Channels, Channels));
            }
            yo += yStep;
        }
    }

    private static int Coordinate(double v) => v < 0.0 ? -1 : (int)v;
}
