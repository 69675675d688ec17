using Platform.Contracts;

namespace Platform.Workers.Batches;

/// <summary>The work of <see cref="Options.WorkerOptions.NoOpInference"/>: an empty result per item and language, nothing fetched or run.</summary>
internal static class NoOpWork
{
    public static Task FillAsync(BatchOutcome outcome, IReadOnlyList<WorkItem> items, IReadOnlyList<string> languages)
    {
        foreach (var item in items)
        {
            foreach (var language in languages)
            {
                outcome.Add(item, language, "", 0);
            }
        }
        return Task.CompletedTask;
    }
}
