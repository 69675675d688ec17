using Platform.Workers.Checkpoints;

namespace Platform.Workers.Tests;

public sealed class CacheEvictionTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Evicts_least_recently_used_first_until_the_rest_fits()
    {
        CacheEntry[] entries = [new("new", 40, Start.AddHours(3)), new("old", 40, Start), new("middle", 40, Start.AddHours(1)), new("recent", 40, Start.AddHours(2))];

        Assert.Equal(["old", "middle"], CacheEviction.Choose(entries, maxBytes: 80, keep: "new"));
    }

    [Fact]
    public void Never_evicts_the_entry_in_use_even_when_it_alone_exceeds_the_cap()
    {
        CacheEntry[] entries = [new("huge", 500, Start), new("small", 10, Start.AddHours(1))];

        Assert.Equal(["small"], CacheEviction.Choose(entries, maxBytes: 100, keep: "huge"));
    }

    [Fact]
    public void Evicts_nothing_under_the_cap() =>
        Assert.Empty(CacheEviction.Choose([new CacheEntry("a", 10, Start), new CacheEntry("b", 10, Start)], maxBytes: 20, keep: "a"));
}
