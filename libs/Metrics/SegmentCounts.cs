using System.Globalization;

namespace Platform.Metrics;

/// <summary>
/// How many segments a statistic covers, how many of their hypotheses were empty or missing (both
/// are scored as empty, never dropped) and the fewest and most references a segment had.
/// </summary>
public sealed record SegmentCounts(
    long Segments, long EmptyHypotheses, long MissingHypotheses, int MinReferences, int MaxReferences)
{
    public static SegmentCounts None { get; } = new(0, 0, 0, int.MaxValue, 0);

    public static SegmentCounts One(string? hypothesis, int references) => new(
        1,
        hypothesis is not null && Text.PythonText.Split(hypothesis).Length == 0 ? 1 : 0,
        hypothesis is null ? 1 : 0,
        references,
        references);

    /// <summary>sacreBLEU's <c>nrefs</c>: the reference count, or <c>var</c> when segments differ.</summary>
    public string ReferencesSignature => MinReferences == MaxReferences || Segments == 0
        ? MaxReferences.ToString(CultureInfo.InvariantCulture)
        : "var";

    public SegmentCounts Merge(SegmentCounts other) => new(
        Segments + other.Segments,
        EmptyHypotheses + other.EmptyHypotheses,
        MissingHypotheses + other.MissingHypotheses,
        Math.Min(MinReferences, other.MinReferences),
        Math.Max(MaxReferences, other.MaxReferences));
}
