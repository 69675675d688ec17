namespace Platform.Metrics.Evaluation;

/// <summary>The metric names users type (<c>bleu,chrf,chrf++,coco-bleu,cider,rouge-l</c>).</summary>
public static class MetricNames
{
    private static readonly Dictionary<string, MetricKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bleu"] = MetricKind.Bleu,
        ["chrf"] = MetricKind.Chrf,
        ["chrf++"] = MetricKind.ChrfPlusPlus,
        ["coco-bleu"] = MetricKind.CocoBleu,
        ["cider"] = MetricKind.Cider,
        ["rouge-l"] = MetricKind.RougeL,
    };

    public static string Default => "bleu,chrf";

    public static IEnumerable<string> All => ByName.Keys;

    /// <exception cref="ArgumentException">A name is unknown, or none is given.</exception>
    public static IReadOnlySet<MetricKind> Parse(string commaSeparated)
    {
        var kinds = new HashSet<MetricKind>();
        foreach (var name in commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            kinds.Add(ByName.TryGetValue(name, out var kind)
                ? kind
                : throw new ArgumentException($"Unknown metric '{name}'; expected some of {string.Join(",", All)}."));
        }

        return kinds.Count > 0 ? kinds : throw new ArgumentException("No metric was named.");
    }
}
