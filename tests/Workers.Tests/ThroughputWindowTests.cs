using Platform.Workers.Telemetry;

namespace Platform.Workers.Tests;

public sealed class ThroughputWindowTests
{
    [Fact]
    public void Items_per_second_average_the_last_minute_of_finished_seconds()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(1_000));
        var window = new ThroughputWindow(clock);

        window.Add(120);
        clock.Now = clock.Now.AddSeconds(1.5);
        window.Add(60);
        clock.Now = clock.Now.AddSeconds(0.5);
        Assert.Equal(3.0, window.PerSecond());

        window.Add(30);
        Assert.Equal(3.0, window.PerSecond());

        clock.Now = DateTimeOffset.FromUnixTimeSeconds(1_061);
        Assert.Equal(1.5, window.PerSecond());

        clock.Now = DateTimeOffset.FromUnixTimeSeconds(1_063);
        Assert.Equal(0, window.PerSecond());
    }

    [Fact]
    public void A_slot_reused_a_minute_later_starts_from_zero()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(2_000));
        var window = new ThroughputWindow(clock);
        window.Add(600);

        clock.Now = clock.Now.AddSeconds(ThroughputWindow.Seconds);
        window.Add(60);
        clock.Now = clock.Now.AddSeconds(1);

        Assert.Equal(1.0, window.PerSecond());
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
