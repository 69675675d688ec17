using System.Net;
using Platform.ModelBuilder;
using Platform.ModelBuilder.Translation;
using Platform.Workers.IntegrationTests.Infrastructure;

namespace Platform.Workers.IntegrationTests;

/// <summary>
/// The word translator declaring 16 positions (and so max_length 16): texts longer than that come back whole only
/// because the worker splits them; crafted inputs get their quality flags; a pair checkpoint refuses other languages.
/// </summary>
[Collection(WorkersCollection.Name)]
public sealed class TranslationSegmentsAndFlagsTests(WorkersFixture stack) : IDisposable
{
    private static readonly string[] LongSentences =
    [
        "the big dog and the small cat", "a new house on the tree", "the old horse in the water",
        "a yellow bird on a green tree", "a small fish in a big book",
    ];

    private const string RunOn =
        "a red circle and a blue square and a green triangle and a black cat on a white horse and the old dog in the new house";

    private readonly TempFolder temp = new();

    [Fact]
    public async Task Long_texts_are_translated_sentence_by_sentence_or_in_windows_and_every_output_carries_its_flags()
    {
        var checkpoint = await UploadTranslatorAsync();
        var inputs = new Dictionary<string, string>
        {
            ["sentences"] = string.Join(". ", LongSentences) + ".",
            ["run-on"] = RunOn,
            ["plain"] = "a red circle",
            ["unknown-words"] = "qwertyuiop zxcvbnm",
            ["identical"] = "in",
            ["mostly-unknown"] = "the qwertyuiopasdfgh",
            ["repeated-in-source"] = "dog dog dog dog dog",
        };
        var dataset = await stack.Api.CreateManifestDatasetAsync("id,en\n" + string.Concat(inputs.Select(input => $"{input.Key},{input.Value}\n")));

        var jobId = await stack.Api.CreateJobAsync(
            "translations", new { datasetId = dataset, checkpointId = checkpoint, sourceLanguage = "en", languages = new[] { "de" }, batchSize = 16 });
        var job = await stack.Api.WaitUntilSettledAsync(jobId, stack.Translator);

        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        var results = (await stack.Api.GetResultsAsync(jobId)).ToDictionary(
            result => result.GetProperty("item").GetString()!,
            result => (Text: result.GetProperty("text").GetString(), Flags: result.GetProperty("flags").EnumerateArray().Select(flag => flag.GetString()).ToArray()));
        Assert.Equal(inputs.Count, results.Count);
        AssertResult(results["sentences"], string.Join(' ', LongSentences.Select(sentence => WordTranslations.Translate(sentence, "de"))));
        AssertResult(results["run-on"], WordTranslations.Translate(RunOn, "de"));
        AssertResult(results["plain"], "ein rot Kreis");
        AssertResult(results["unknown-words"], "", "empty");
        AssertResult(results["identical"], "in", "identical_to_source");
        AssertResult(results["mostly-unknown"], "der", "length_ratio");
        AssertResult(results["repeated-in-source"], "Hund Hund Hund Hund Hund");
    }

    [Fact]
    public async Task A_pair_checkpoint_is_refused_at_creation_and_when_registered_before_that_fails_every_item_clearly()
    {
        var checkpoint = await UploadTranslatorAsync();
        var dataset = await stack.Api.CreateManifestDatasetAsync("id,en,es\nfirst,a red circle,un círculo rojo\nsecond,the blue car,el coche azul\n");
        using (var refused = await stack.Api.PostJobAsync(
            "translations", new { datasetId = dataset, checkpointId = checkpoint, sourceLanguage = "en", languages = new[] { "fr" } }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("translates en→de only; it cannot translate into 'fr'.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Registered before languages were recorded: accepted, and the worker refuses per item.
        Assert.Equal(1, await stack.Database.CountAsync(
            "WITH legacy AS (UPDATE checkpoints SET language_tokens = NULL WHERE id = @id RETURNING 1) SELECT count(*) FROM legacy", ("id", checkpoint)));

        var wrongTarget = await stack.Api.CreateJobAsync(
            "translations", new { datasetId = dataset, checkpointId = checkpoint, sourceLanguage = "en", languages = new[] { "fr" } });
        var wrongSource = await stack.Api.CreateJobAsync(
            "translations", new { datasetId = dataset, checkpointId = checkpoint, sourceLanguage = "es", languages = new[] { "de" } });

        foreach (var (jobId, detail) in new[]
        {
            (wrongTarget, "The checkpoint translates into 'de' only, not 'fr'."),
            (wrongSource, "The checkpoint translates from 'en', not from 'es'."),
        })
        {
            var job = await stack.Api.WaitUntilSettledAsync(jobId, stack.Translator);
            Assert.Equal("Failed", job.GetProperty("status").GetString());
            var failures = await stack.Database.QueryAsync(
                "SELECT item_key, reason, detail FROM item_failures WHERE job_id = @job ORDER BY ordinal",
                row => (row.GetString(0), row.GetString(1), row.GetString(2)), ("job", jobId));
            Assert.Equal([("first", "unsupported_language", detail), ("second", "unsupported_language", detail)], failures);
            Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM results WHERE job_id = @job", ("job", jobId)));
        }
    }

    private static void AssertResult((string? Text, string?[] Flags) result, string text, params string[] flags)
    {
        Assert.Equal(text, result.Text);
        Assert.Equal(flags, result.Flags);
    }

    private async Task<Guid> UploadTranslatorAsync()
    {
        var folder = temp.Sub($"word-translator-de-16-{Guid.NewGuid():N}");
        TestCheckpoints.WriteWordTranslator(folder, "de", maxPositions: 16);
        return await stack.Api.UploadCheckpointAsync(folder, "TextToText");
    }

    public void Dispose() => temp.Dispose();
}
