namespace Platform.Testing;

/// <summary>Waits for a condition by polling, with a deadline; never a fixed sleep.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting for {what}; last value: {last}");
            }
            await interval.WaitForNextTickAsync();
            last = await probe();
        }
        return last;
    }
}
