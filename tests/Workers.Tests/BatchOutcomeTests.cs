using Platform.Contracts;
using Platform.Workers.Batches;

namespace Platform.Workers.Tests;

public sealed class BatchOutcomeTests
{
    private static readonly WorkItem[] Items = [.. Enumerable.Range(0, 4).Select(i => new WorkItem(i, $"item-{i}", null, $"text {i}"))];

    [Fact]
    public void An_item_fails_once_if_any_of_its_languages_failed()
    {
        var outcome = new BatchOutcome();
        foreach (var item in Items)
        {
            outcome.Add(item, "en", "ok", 0);
        }
        outcome.Fail(Items[1], "de", "unsupported_language", "no de token");
        outcome.Fail(Items[1], "fr", "unsupported_language", "no fr token");
        outcome.Fail(Items[3], null, "not_found", "404");

        Assert.Equal((2, 2), outcome.Count(Items));
        Assert.Equal(4, outcome.Results.Count);
        Assert.Equal(3, outcome.Failures.Count);
    }

    [Fact]
    public void Results_and_failures_added_concurrently_are_all_kept()
    {
        var outcome = new BatchOutcome();
        var many = Enumerable.Range(0, 2000).Select(i => new WorkItem(i, $"k{i}", null, null)).ToList();

        Parallel.ForEach(many, item =>
        {
            if (item.Ordinal % 2 == 0)
            {
                outcome.Add(item, "en", "ok", 0);
            }
            else
            {
                outcome.Fail(item, null, "timeout", "slow");
            }
        });

        Assert.Equal((1000, 1000), outcome.Count(many));
        Assert.Equal(1000, outcome.Results.Select(r => r.Ordinal).Distinct().Count());
    }
}
