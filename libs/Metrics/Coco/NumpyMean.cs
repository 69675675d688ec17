namespace Platform.Metrics.Coco;

/// <summary>
/// <c>np.mean</c> of a contiguous float64 array: numpy's pairwise summation (8 accumulators in
/// blocks of at most 128, halving above that), divided by the count. Summing in another order can
/// change the last bits, and pycocoevalcap averages its per-item scores this way.
/// </summary>
public static class NumpyMean
{
    private const int BlockSize = 128;

    /// <exception cref="MetricInputException">There is nothing to average.</exception>
    public static double Of(ReadOnlySpan<double> values) => values.Length > 0
        ? PairwiseSum(values) / values.Length
        : throw new MetricInputException("There are no segments to average.");

    private static double PairwiseSum(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n < 8)
        {
            var sum = 0.0;
            foreach (var value in values)
            {
                sum += value;
            }

            return sum;
        }

        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            var i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                for (var j = 0; j < 8; j++)
                {
                    r[j] += values[i + j];
                }
            }

            var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
            {
                result += values[i];
            }

            return result;
        }

        var half = n / 2;
        half -= half % 8;
        return PairwiseSum(values[..half]) + PairwiseSum(values[half..]);
    }
}
