namespace Platform.Metrics.Coco;

/// <summary>
/// pycocoevalcap BLEU's sufficient statistics (bleu_scorer.py <c>totalcomps</c>): hypothesis length,
/// closest reference length, guessed and correct n-grams per order. Additive over items.
/// </summary>
public sealed record CocoBleuStatistics(long TestLength, long ReferenceLength, long[] Guess, long[] Correct, SegmentCounts Counts)
{
    public static CocoBleuStatistics Empty { get; } = new(0, 0, new long[CocoBleu.Order], new long[CocoBleu.Order], SegmentCounts.None);

    public CocoBleuStatistics Merge(CocoBleuStatistics other) => new(
        TestLength + other.TestLength,
        ReferenceLength + other.ReferenceLength,
        [.. Guess.Zip(other.Guess, (a, b) => a + b)],
        [.. Correct.Zip(other.Correct, (a, b) => a + b)],
        Counts.Merge(other.Counts));
}
