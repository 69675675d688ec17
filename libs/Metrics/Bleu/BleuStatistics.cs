namespace Platform.Metrics.Bleu;

/// <summary>
/// BLEU's sufficient statistics, sacreBLEU's <c>[sys_len, ref_len, correct..., total...]</c>.
/// Additive: <see cref="Merge"/> of the statistics of any split of a corpus equals the statistics
/// of the whole, so batches can be scored apart and combined exactly.
/// </summary>
/// <param name="SysLen">Hypothesis tokens.</param>
/// <param name="RefLen">Reference tokens, per segment the reference length closest to the hypothesis (ties to the shorter).</param>
/// <param name="Correct">Clipped n-gram matches per order 1..N.</param>
/// <param name="Total">Hypothesis n-grams per order 1..N.</param>
/// <param name="Counts">Segments, empty and missing hypotheses, references per segment.</param>
public sealed record BleuStatistics(long SysLen, long RefLen, long[] Correct, long[] Total, SegmentCounts Counts)
{
    public static BleuStatistics Empty(int maxNgramOrder) =>
        new(0, 0, new long[maxNgramOrder], new long[maxNgramOrder], SegmentCounts.None);

    /// <exception cref="ArgumentException">The two were computed with different maximum n-gram orders.</exception>
    public BleuStatistics Merge(BleuStatistics other)
    {
        if (other.Correct.Length != Correct.Length)
        {
            throw new ArgumentException("BLEU statistics of different n-gram orders cannot be merged.", nameof(other));
        }

        return new BleuStatistics(
            SysLen + other.SysLen,
            RefLen + other.RefLen,
            [.. Correct.Zip(other.Correct, (a, b) => a + b)],
            [.. Total.Zip(other.Total, (a, b) => a + b)],
            Counts.Merge(other.Counts));
    }
}
