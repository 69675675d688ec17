using Platform.ModelBuilder;
using Platform.ModelBuilder.Translation;
using Platform.Workers.IntegrationTests.Infrastructure;

namespace Platform.Workers.IntegrationTests;

[Collection(WorkersCollection.Name)]
public sealed class TranslationJobTests(WorkersFixture stack) : IDisposable
{
    private static readonly string[] Sentences =
    [
        "a red circle", "the big dog and the small cat", "a new house on the tree", "water and sun",
        "the old horse in the water", "a yellow bird on a green tree", "the blue car", "a small fish in a big book",
    ];

    private readonly TempFolder temp = new();

    [Fact]
    public async Task Every_caption_is_translated_word_by_word_and_an_item_without_text_fails_alone()
    {
        var folder = temp.Sub("word-translator-de");
        TestCheckpoints.WriteWordTranslator(folder, "de");
        var checkpoint = await stack.Api.UploadCheckpointAsync(folder, "TextToText");
        var items = Enumerable.Range(0, 40).Select(i => (Key: $"item-{i}", Text: Sentences[i % Sentences.Length])).ToList();
        var dataset = await stack.Api.CreateManifestDatasetAsync(
            "id,en\n" + string.Concat(items.Select(item => $"{item.Key},{item.Text}\n")) + "no-caption,\n");

        var before = await PrometheusScrape.ReadAsync(stack.Translator.Address);
        var jobId = await stack.Api.CreateJobAsync(
            "translations", new { datasetId = dataset, checkpointId = checkpoint, sourceLanguage = "en", languages = new[] { "de" }, batchSize = 16 });
        var job = await stack.Api.WaitUntilSettledAsync(jobId, stack.Translator);

        Assert.Equal("CompletedWithErrors", job.GetProperty("status").GetString());
        Assert.Equal(items.Count, job.GetProperty("items").GetProperty("succeeded").GetInt64());
        var results = await JobResults.ReadAsync(stack.Database, jobId);
        Assert.Equal(items.Count, results.Count);
        var expected = items.ToDictionary(item => item.Key, item => WordTranslations.Translate(item.Text, "de"));
        Assert.All(results, result => Assert.Equal(("de", expected[result.Key]), (result.Language, result.Text)));
        var failures = await stack.Database.QueryAsync(
            "SELECT item_key, reason FROM item_failures WHERE job_id = @job", row => (row.GetString(0), row.GetString(1)), ("job", jobId));
        Assert.Equal([("no-caption", "empty_text")], failures);
        var after = await PrometheusScrape.ReadAsync(stack.Translator.Address);
        Assert.Equal(items.Count, after.Since(before, "platform_worker_items_processed_total", ("kind", "translate"), ("language", "de")));
        Assert.Equal(1, after.Since(before, "platform_worker_items_failed_total", ("kind", "translate"), ("language", "any")));
    }

    public void Dispose() => temp.Dispose();
}
