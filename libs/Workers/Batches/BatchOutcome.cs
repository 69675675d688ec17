using Platform.Contracts;
using Platform.Data.Bulk;

namespace Platform.Workers.Batches;

/// <summary>What a batch produced: results and per-item failures, collected from concurrent pipeline stages.</summary>
public sealed class BatchOutcome
{
    private readonly Lock gate = new();
    private readonly List<ResultRow> results = [];
    private readonly List<ItemFailure> failures = [];

    public IReadOnlyCollection<ResultRow> Results
    {
        get
        {
            lock (gate)
            {
                return [.. results];
            }
        }
    }

    public IReadOnlyList<ItemFailure> Failures
    {
        get
        {
            lock (gate)
            {
                return [.. failures];
            }
        }
    }

    public void Add(WorkItem item, string language, string text, double score, IReadOnlyList<string>? flags = null)
    {
        lock (gate)
        {
            results.Add(new ResultRow(item.Ordinal, language, item.Key, text, score, flags ?? []));
        }
    }

    /// <param name="language">Null when the item failed before any language (its input).</param>
    public void Fail(WorkItem item, string? language, string reason, string detail)
    {
        lock (gate)
        {
            failures.Add(new ItemFailure(item.Ordinal, item.Key, language, reason, detail));
        }
    }

    /// <summary>Per item: an item fails if any of its languages (or its input) failed.</summary>
    public (int Succeeded, int Failed) Count(IReadOnlyCollection<WorkItem> items)
    {
        HashSet<long> failed;
        lock (gate)
        {
            failed = [.. failures.Select(failure => failure.Ordinal)];
        }
        var failedItems = items.Count(item => failed.Contains(item.Ordinal));
        return (items.Count - failedItems, failedItems);
    }
}
