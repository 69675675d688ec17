using Platform.Api.IntegrationTests.Infrastructure;

namespace Platform.Api.IntegrationTests;

/// <summary>
/// A misconfigured checkpoint watch stops the Api at start, naming the setting that is wrong. In the stack's collection:
/// Hangfire keeps its storage in a static, so a second Api starting beside the fixture's must not race its start.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class CheckpointWatchConfigurationTests
{
    [Fact]
    public async Task A_watch_with_a_bad_language_or_a_duplicate_name_fails_the_start_naming_the_key()
    {
        await using var database = await TestDatabase.CreateAsync("watch_config_tests");
        var watch = new Dictionary<string, string>
        {
            ["BlobPrefix"] = "training/run", ["Dataset"] = "refs", ["Languages:0"] = "en",
        };
        var settings = new Dictionary<string, string>();
        foreach (var index in new[] { 0, 1 })
        {
            settings[$"CheckpointWatch:Watches:{index}:Name"] = "run";
            foreach (var (key, value) in watch)
            {
                settings[$"CheckpointWatch:Watches:{index}:{key}"] = value;
            }
        }
        settings["CheckpointWatch:Watches:1:Languages:0"] = "english";
        await using var factory = new ApiFactory(database.ConnectionString, $"watch-config-{Guid.NewGuid():N}", settings: settings);

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("CheckpointWatch:Watches:1: 'english' is not a language code", failure, StringComparison.Ordinal);
        Assert.Contains("two watches are named 'run'", failure, StringComparison.Ordinal);
    }
}
