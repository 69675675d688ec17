namespace Platform.Workers.Checkpoints;

/// <summary>Least-recently-used eviction: which entries to delete so the rest fit in the cap.</summary>
public static class CacheEviction
{
    /// <param name="keep">An entry never chosen (the one just used), even if it alone exceeds the cap.</param>
    public static IReadOnlyList<string> Choose(IEnumerable<CacheEntry> entries, long maxBytes, string keep)
    {
        var all = entries.ToList();
        var total = all.Sum(entry => entry.Bytes);
        var evicted = new List<string>();
        foreach (var entry in all.Where(entry => entry.Name != keep).OrderBy(entry => entry.LastUsedUtc).ThenBy(entry => entry.Name, StringComparer.Ordinal))
        {
            if (total <= maxBytes)
            {
                break;
            }
            evicted.Add(entry.Name);
            total -= entry.Bytes;
        }
        return evicted;
    }
}
