namespace Platform.Api.Services;

/// <summary>
/// Runs started work at most <c>limit</c> at a time: <see cref="StartAsync"/> waits for a free slot and for earlier
/// work of the same key, and surfaces the first failure of earlier work. Disposing waits for everything still running.
/// </summary>
internal sealed class BoundedConcurrency(int limit) : IAsyncDisposable
{
    private readonly SemaphoreSlim slots = new(limit, limit);
    private readonly List<(string Key, Task Task)> running = [];

    /// <param name="key">Work of one key never runs twice at once (a blob path: two uploads of one blob at once can fail).</param>
    public async Task StartAsync(string key, Func<Task> work, CancellationToken cancellationToken)
    {
        await WhenDoneAsync(key);
        await slots.WaitAsync(cancellationToken);
        running.RemoveAll(started => started.Task.IsCompletedSuccessfully);
        if (running.FirstOrDefault(started => started.Task.IsFaulted || started.Task.IsCanceled).Task is { } failed)
        {
            slots.Release();
            await failed;
        }
        running.Add((key, RunAsync(work)));
    }

    /// <summary>Waits for the started work of <paramref name="key"/>; throws its failure.</summary>
    public async Task WhenDoneAsync(string key)
    {
        // Only the caller adds work, one call at a time, so the list holds still while this waits.
        for (var i = 0; i < running.Count; i++)
        {
            if (running[i].Key == key)
            {
                await running[i].Task;
            }
        }
    }

    /// <summary>Waits for all started work; throws the first failure.</summary>
    public Task WhenAllAsync() => Task.WhenAll(running.Select(started => started.Task));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await WhenAllAsync();
        }
        catch (Exception)
        {
            // The caller already failed or saw this failure through WhenAllAsync.
        }
        slots.Dispose();
    }

    private async Task RunAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        finally
        {
            slots.Release();
        }
    }
}
