namespace Platform.Metrics.Chrf;

/// <summary>
/// chrF's sufficient statistics: for each character order 1..nc then word order 1..nw, the triple
/// [hypothesis n-grams, reference n-grams, matches] of the best-scoring reference, flattened as
/// sacreBLEU does. Additive: merging the statistics of batches equals those of the whole corpus.
/// </summary>
public sealed record ChrfStatistics(long[] Values, SegmentCounts Counts)
{
    public static ChrfStatistics Empty(ChrfOptions options) => new(new long[3 * options.Order], SegmentCounts.None);

    /// <exception cref="ArgumentException">The two were computed with different n-gram orders.</exception>
    public ChrfStatistics Merge(ChrfStatistics other) => other.Values.Length == Values.Length
        ? new ChrfStatistics([.. Values.Zip(other.Values, (a, b) => a + b)], Counts.Merge(other.Counts))
        : throw new ArgumentException("chrF statistics of different n-gram orders cannot be merged.", nameof(other));
}
