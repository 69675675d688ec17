namespace Platform.Inference.Imaging;

/// <summary>
/// Fixed-point coefficients of one resampling pass, computed as Pillow's <c>precompute_coeffs</c> and
/// <c>normalize_coeffs_8bpc</c> do for the whole input range (box = 0..inSize).
/// </summary>
internal sealed class ResampleKernel
{
    public const int PrecisionBits = 32 - 8 - 2;

    private ResampleKernel(int size, int[] bounds, int[] coefficients)
    {
        Size = size;
        Bounds = bounds;
        Coefficients = coefficients;
    }

    /// <summary>Coefficients per output pixel (Pillow's ksize); rows of <see cref="Coefficients"/>.</summary>
    public int Size { get; }

    /// <summary>Per output pixel: first input index, then the number of input pixels used.</summary>
    public int[] Bounds { get; }

    public int[] Coefficients { get; }

    public static ResampleKernel Compute(int inSize, int outSize, ResamplingFilter filter)
    {
        // Pillow passes the box edges as C floats.
        var scale = (double)((float)inSize - 0f) / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = PillowFilter.Support(filter) * filterScale;
        var kernelSize = ((int)Math.Ceiling(support) * 2) + 1;
        var bounds = new int[outSize * 2];
        var coefficients = new int[outSize * kernelSize];
        // Extreme aspect ratios give very wide kernels: keep those off the stack.
        Span<double> weights = kernelSize <= 512 ? stackalloc double[kernelSize] : new double[kernelSize];
        for (var xx = 0; xx < outSize; xx++)
        {
            var center = (xx + 0.5) * scale;
            var inverseScale = 1.0 / filterScale;
            var xmin = Math.Max((int)(center - support + 0.5), 0);
            var count = Math.Min((int)(center + support + 0.5), inSize) - xmin;
            var total = 0.0;
            for (var x = 0; x < count; x++)
            {
                weights[x] = PillowFilter.Evaluate(filter, (x + xmin - center + 0.5) * inverseScale);
                total += weights[x];
            }
            var row = coefficients.AsSpan(xx * kernelSize, kernelSize);
            for (var x = 0; x < count; x++)
            {
                row[x] = ToFixedPoint(total != 0.0 ? weights[x] / total : weights[x]);
            }
            bounds[xx * 2] = xmin;
            bounds[(xx * 2) + 1] = count;
        }
        return new ResampleKernel(kernelSize, bounds, coefficients);
    }

    private static int ToFixedPoint(double weight) =>
        weight < 0 ? (int)(-0.5 + (weight * (1 << PrecisionBits))) : (int)(0.5 + (weight * (1 << PrecisionBits)));
}
