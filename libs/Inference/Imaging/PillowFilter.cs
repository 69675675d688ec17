namespace Platform.Inference.Imaging;

/// <summary>The filter functions and supports of Pillow's libImaging/Resample.c.</summary>
internal static class PillowFilter
{
    public static double Support(ResamplingFilter filter) => filter switch
    {
        ResamplingFilter.Box => 0.5,
        ResamplingFilter.Bilinear or ResamplingFilter.Hamming => 1.0,
        ResamplingFilter.Bicubic => 2.0,
        ResamplingFilter.Lanczos => 3.0,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a convolution filter."),
    };

    public static double Evaluate(ResamplingFilter filter, double x) => filter switch
    {
        ResamplingFilter.Box => x > -0.5 && x <= 0.5 ? 1.0 : 0.0,
        ResamplingFilter.Bilinear => Bilinear(Math.Abs(x)),
        ResamplingFilter.Hamming => Hamming(Math.Abs(x)),
        ResamplingFilter.Bicubic => Bicubic(Math.Abs(x)),
        ResamplingFilter.Lanczos => -3.0 <= x && x < 3.0 ? Sinc(x) * Sinc(x / 3) : 0.0,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a convolution filter."),
    };

    private static double Bilinear(double x) => x < 1.0 ? 1.0 - x : 0.0;

    private static double Hamming(double x)
    {
        if (x == 0.0)
        {
            return 1.0;
        }
        if (x >= 1.0)
        {
            return 0.0;
        }
        x *= Math.PI;
        // Pillow writes these constants as C floats, which widen to these doubles.
        return Math.Sin(x) / x * (0.54f + (0.46f * Math.Cos(x)));
    }

    private static double Bicubic(double x)
    {
        const double a = -0.5;
        if (x < 1.0)
        {
            return ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1;
        }
        return x < 2.0 ? ((((x - 5) * x) + 8) * x - 4) * a : 0.0;
    }

    private static double Sinc(double x)
    {
        if (x == 0.0)
        {
            return 1.0;
        }
        x *= Math.PI;
        return Math.Sin(x) / x;
    }
}
