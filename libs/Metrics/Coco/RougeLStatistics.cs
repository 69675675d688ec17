namespace Platform.Metrics.Coco;

/// <summary>ROUGE-L's per-item scores in corpus order; merging concatenates, and the corpus score is their numpy mean.</summary>
public sealed record RougeLStatistics(double[] ItemScores, SegmentCounts Counts)
{
    public static RougeLStatistics Empty { get; } = new([], SegmentCounts.None);

    public static RougeLStatistics Of(CocoSegment segment) =>
        new([RougeL.Segment(segment)], SegmentCounts.One(segment.Hypothesis, segment.References.Length));

    public RougeLStatistics Merge(RougeLStatistics other) => new([.. ItemScores, .. other.ItemScores], Counts.Merge(other.Counts));
}
