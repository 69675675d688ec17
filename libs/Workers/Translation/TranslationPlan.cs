namespace Platform.Workers.Translation;

/// <summary>
/// The segments of a batch's texts in the order to translate them: shortest first, so each micro-batch holds
/// texts of similar length and the encoder pads little. Outputs are indexed by <see cref="Segment.Id"/> and
/// joined back per item in the original order.
/// </summary>
public sealed class TranslationPlan
{
    private readonly int[] firstSegment;

    private TranslationPlan(IReadOnlyList<Segment> bySize, int[] firstSegment)
    {
        BySize = bySize;
        this.firstSegment = firstSegment;
    }

    /// <summary>Every segment, ascending by token count (a stable sort: equal lengths keep item order).</summary>
    public IReadOnlyList<Segment> BySize { get; }

    public int SegmentCount => firstSegment[^1];

    public static TranslationPlan Create(IReadOnlyList<string> texts, Func<string, IReadOnlyList<string>> segment, Func<string, int> countTokens)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(countTokens);
        var segments = new List<Segment>();
        var firstSegment = new int[texts.Count + 1];
        for (var item = 0; item < texts.Count; item++)
        {
            firstSegment[item] = segments.Count;
            segments.AddRange(segment(texts[item]).Select(piece => new Segment(segments.Count, item, piece, countTokens(piece))));
        }
        firstSegment[texts.Count] = segments.Count;
        return new TranslationPlan([.. segments.OrderBy(s => s.Tokens)], firstSegment);
    }

    /// <summary>The item's translation: its segments' outputs in order, joined by <paramref name="separator"/>.</summary>
    public string Join(int item, IReadOnlyList<string> outputsById, string separator) =>
        string.Join(separator, Enumerable.Range(firstSegment[item], firstSegment[item + 1] - firstSegment[item])
            .Select(id => outputsById[id]).Where(output => output.Length > 0));

    /// <summary>The mean of the item's segment values (e.g. scores), in item order.</summary>
    public double Mean(int item, IReadOnlyList<double> valuesById) =>
        Enumerable.Range(firstSegment[item], firstSegment[item + 1] - firstSegment[item]).Average(id => valuesById[id]);
}
