namespace Platform.Workers.Telemetry;

/// <summary>
/// Items per second over the last <see cref="Seconds"/> seconds, from one-second buckets: what a dashboard shows
/// without a query language (Prometheus can still take <c>rate()</c> of the counters).
/// </summary>
public sealed class ThroughputWindow(TimeProvider clock)
{
    public const int Seconds = 60;

    private readonly Lock gate = new();
    private readonly long[] counts = new long[Seconds];
    private readonly long[] stamps = new long[Seconds];

    public void Add(long items)
    {
        var second = Now();
        lock (gate)
        {
            var slot = (int)(second % Seconds);
            if (stamps[slot] != second)
            {
                stamps[slot] = second;
                counts[slot] = 0;
            }
            counts[slot] += items;
        }
    }

    public double PerSecond()
    {
        var second = Now();
        long total = 0;
        lock (gate)
        {
            for (var slot = 0; slot < Seconds; slot++)
            {
                // The current, unfinished second is left out so that a burst does not read as a spike.
                if (stamps[slot] < second && stamps[slot] >= second - Seconds)
                {
                    total += counts[slot];
                }
            }
        }
        return total / (double)Seconds;
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeSeconds();
}
