namespace Platform.Metrics;

internal static class References
{
    /// <summary>
    /// sacreBLEU's rule for a segment's references: empty or missing ones are left out (so segments may
    /// have different counts, shown as <c>nrefs:var</c>), and a segment left with none is an error.
    /// </summary>
    public static List<string> Present(IReadOnlyList<string?> references)
    {
        var present = references.Where(reference => !string.IsNullOrEmpty(reference)).Select(reference => reference!).ToList();
        return present.Count > 0
            ? present
            : throw new MetricInputException("A segment has no reference: every reference is empty or missing.");
    }
}
