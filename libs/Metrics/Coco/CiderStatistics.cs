namespace Platform.Metrics.Coco;

/// <summary>
/// What CIDEr-D needs: the tokenized items themselves. Its idf weights come from document
/// frequencies over the references of the whole corpus and its log(item count), so partial sums
/// cannot be merged; keeping the items makes <see cref="Merge"/> of batches (in corpus order)
/// score exactly like the whole corpus.
/// </summary>
public sealed record CiderStatistics(IReadOnlyList<CocoSegment> Items)
{
    public static CiderStatistics Empty { get; } = new([]);

    public CiderStatistics Merge(CiderStatistics other) => new([.. Items, .. other.Items]);
}
