using System.Net.Http.Json;
using System.Text.Json;
using Platform.ModelBuilder;
using Platform.Workers.IntegrationTests.Infrastructure;

namespace Platform.Workers.IntegrationTests;

[Collection(WorkersCollection.Name)]
public sealed class CaptionJobTests(WorkersFixture stack) : IDisposable
{
    private const int Pictures = 2000;
    private const int BatchSize = 64;
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
        var before = await PrometheusScrape.ReadAsync(stack.Captioner.Address);

        var jobId = await stack.Api.CreateJobAsync("captions", new { datasetId = dataset, checkpointId = checkpoint, languages = Languages, batchSize = BatchSize });
        var job = await stack.Api.WaitUntilSettledAsync(jobId, TimeSpan.FromMinutes(6), stack.Captioner);

        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(Pictures, job.GetProperty("items").GetProperty("succeeded").GetInt64());
        var results = await JobResults.ReadAsync(stack.Database, jobId);
        Assert.Equal(Pictures * Languages.Length, results.Count);
        Assert.Equal(results.Count, results.Select(r => (r.Key, r.Language)).Distinct().Count());
        foreach (var result in results)
        {
            var name = Path.GetFileNameWithoutExtension(result.Key).Split('-');
            Assert.Equal(SyntheticImages.ExpectedCaption(name[0], name[1], result.Language), result.Text);
        }
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM item_failures WHERE job_id = @job", ("job", jobId)));
        await ReadinessReportsTheWarmCheckpointAsync(checkpoint);
        await MetricsCountTheJobAsync(before);
        LogsOfItsBatchesCarryTheJobAndBatch(jobId);
    }

    private async Task ReadinessReportsTheWarmCheckpointAsync(Guid checkpoint)
    {
        using var client = new HttpClient { BaseAddress = stack.Captioner.Address };
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        var inference = ready.GetProperty("checks").GetProperty("inference").GetProperty("data");
        Assert.Equal("Cpu", inference.GetProperty("executionProvider").GetString());
        Assert.Contains(inference.GetProperty("loadedCheckpoints").EnumerateArray(), loaded => loaded.GetProperty("id").GetGuid() == checkpoint);
    }

    private async Task MetricsCountTheJobAsync(PrometheusScrape before)
    {
        var after = await PrometheusScrape.ReadAsync(stack.Captioner.Address);
        double Added(string name, params (string, string)[] labels) => after.Since(before, name, labels);
        var batches = (Pictures + BatchSize - 1) / BatchSize;
        foreach (var language in Languages)
        {
            Assert.Equal(Pictures, Added("platform_worker_items_processed_total", ("kind", "caption"), ("language", language)));
        }
        Assert.Equal(0, Added("platform_worker_items_failed_total", ("kind", "caption")));
        Assert.Equal(batches, Added("platform_worker_batches_total", ("kind", "caption"), ("outcome", "completed")));
        Assert.Equal(batches, Added("platform_worker_batch_duration_seconds_count", ("kind", "caption")));
        Assert.True(Added("platform_worker_batch_duration_seconds_sum", ("kind", "caption")) > 0);
        Assert.Equal(batches, Added("platform_worker_queue_lag_seconds_count", ("kind", "caption")));
        // The last batches waited behind the first ones, on a worker that takes one at a time.
        Assert.True(Added("platform_worker_queue_lag_seconds_sum", ("kind", "caption")) > 0);
        Assert.True(after.Sum("platform_worker_items_throughput_per_second", ("kind", "caption")) > 0);
        Assert.Equal(0, after.Sum("platform_worker_batches_active", ("kind", "caption")));
    }

    private void LogsOfItsBatchesCarryTheJobAndBatch(Guid jobId)
    {
        var lines = stack.Captioner.Output.Split('\n').Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var batchLines = lines.Where(line => line.GetProperty("Category").GetString() == "Platform.Workers.Batches.BatchProtocol"
            && line.GetProperty("Message").GetString()!.Contains(jobId.ToString(), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(batchLines);
        Assert.All(batchLines, line =>
        {
            var scope = Assert.Single(line.GetProperty("Scopes").EnumerateArray(), scope => scope.TryGetProperty("BatchId", out _));
            Assert.Equal(jobId, scope.GetProperty("JobId").GetGuid());
            Assert.Equal($"{jobId}/{scope.GetProperty("BatchIndex").GetInt32()}", scope.GetProperty("BatchId").GetString());
        });
    }

    public void Dispose() => temp.Dispose();
}
