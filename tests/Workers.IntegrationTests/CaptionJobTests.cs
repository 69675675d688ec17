using System.Net.Http.Json;
using System.Text.Json;
using Platform.ModelBuilder;
using Platform.Workers.IntegrationTests.Infrastructure;

namespace Platform.Workers.IntegrationTests;

[Collection(WorkersCollection.Name)]
public sealed class CaptionJobTests(WorkersFixture stack) : IDisposable
{
    private const int Pictures = 240;
    private static readonly string[] Languages = ["en_XX", "de_DE"];
    private readonly TempFolder temp = new();

    [Fact]
    public async Task Every_image_of_an_archive_dataset_is_captioned_in_both_languages_as_the_captioner_names_it()
    {
        var folder = temp.Sub("colour-shape-captioner");
        TestCheckpoints.WriteColourShapeCaptioner(folder);
        var checkpoint = await stack.Api.UploadCheckpointAsync(folder, "ImageToText");
        var files = new Dictionary<string, byte[]>();
        for (var i = 0; i < Pictures; i++)
        {
            var (colour, shape) = (SyntheticImages.Colours[i % 4], SyntheticImages.Shapes[i / 4 % 3]);
            var format = i % 2 == 0 ? "png" : "jpeg";
            files[$"pictures/{colour}-{shape}-{i}.{format}"] = SyntheticImages.Draw(colour, shape, size: 48 + (8 * (i % 3)), format: format, seed: i);
        }
        var dataset = await stack.Api.CreateArchiveDatasetAsync(files);

        var jobId = await stack.Api.CreateJobAsync("captions", new { datasetId = dataset, checkpointId = checkpoint, languages = Languages, batchSize = 64 });
        var job = await stack.Api.WaitUntilSettledAsync(jobId, stack.Captioner);

        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(Pictures, job.GetProperty("items").GetProperty("succeeded").GetInt64());
        var results = await stack.Database.QueryAsync(
            "SELECT item_key, language, text FROM results WHERE job_id = @job", row => (Key: row.GetString(0), Language: row.GetString(1), Text: row.GetString(2)), ("job", jobId));
        Assert.Equal(Pictures * Languages.Length, results.Count);
        Assert.Equal(results.Count, results.Select(r => (r.Key, r.Language)).Distinct().Count());
        foreach (var result in results)
        {
            var name = Path.GetFileNameWithoutExtension(result.Key).Split('-');
            Assert.Equal(SyntheticImages.ExpectedCaption(name[0], name[1], result.Language), result.Text);
        }
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM item_failures WHERE job_id = @job", ("job", jobId)));
        await ReadinessReportsTheWarmCheckpointAsync(checkpoint);
    }

    private async Task ReadinessReportsTheWarmCheckpointAsync(Guid checkpoint)
    {
        using var client = new HttpClient { BaseAddress = stack.Captioner.Address };
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        var inference = ready.GetProperty("checks").GetProperty("inference").GetProperty("data");
        Assert.Equal("Cpu", inference.GetProperty("executionProvider").GetString());
        Assert.Contains(inference.GetProperty("loadedCheckpoints").EnumerateArray(), loaded => loaded.GetProperty("id").GetGuid() == checkpoint);
    }

    public void Dispose() => temp.Dispose();
}
