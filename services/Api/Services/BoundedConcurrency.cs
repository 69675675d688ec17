namespace Platform.Api.Services;

/// <summary>
/// Runs started work at most <c>limit</c> at a time: <see cref="StartAsync"/> waits for a free slot, and surfaces the
/// first failure of earlier work. Disposing waits for everything still running.
/// </summary>
internal sealed class BoundedConcurrency(int limit) : IAsyncDisposable
{
    private readonly SemaphoreSlim slots = new(limit, limit);
    private readonly List<Task> running = [];

    public async Task StartAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        running.RemoveAll(task => task.IsCompletedSuccessfully);
        if (running.FirstOrDefault(task => task.IsFaulted || task.IsCanceled) is { } failed)
        {
            slots.Release();
            await failed;
        }
        running.Add(RunAsync(work));
    }

    /// <summary>Waits for all started work; throws the first failure.</summary>
    public Task WhenAllAsync() => Task.WhenAll(running);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(running);
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
