using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Platform.Api.Options;

namespace Platform.Api.IntegrationTests;

/// <summary>
/// A misconfigured checkpoint watch is refused naming the setting that is wrong; the Api validates these options on
/// start (ValidateOnStart), so it does not start. Checked on the bound options rather than by starting a second Api:
/// Hangfire keeps its storage in a static, and an Api started beside the fixture's would take it over.
/// </summary>
public sealed class CheckpointWatchConfigurationTests
{
    [Fact]
    public void A_watch_with_a_bad_language_or_a_duplicate_name_is_refused_naming_the_key()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var index in new[] { 0, 1 })
        {
            settings[$"CheckpointWatch:Watches:{index}:Name"] = "run";
            settings[$"CheckpointWatch:Watches:{index}:BlobPrefix"] = "training/run";
            settings[$"CheckpointWatch:Watches:{index}:Dataset"] = "refs";
            settings[$"CheckpointWatch:Watches:{index}:Languages:0"] = "en";
        }
        settings["CheckpointWatch:Watches:1:Languages:0"] = "english";
        var options = new CheckpointWatchOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(CheckpointWatchOptions.Section).Bind(options);

        var failures = options.Validate(new ValidationContext(options)).Select(result => result.ErrorMessage).ToList();

        Assert.Contains("CheckpointWatch:Watches:1: 'english' is not a language code (expected e.g. \"en\", \"de_DE\").", failures);
        Assert.Contains("CheckpointWatch: two watches are named 'run'.", failures);
        Assert.Equal(2, failures.Count);
    }
}
