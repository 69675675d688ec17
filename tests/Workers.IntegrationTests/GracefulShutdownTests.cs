using System.Text.RegularExpressions;
using Platform.ModelBuilder;
using Platform.Workers.IntegrationTests.Infrastructure;

namespace Platform.Workers.IntegrationTests;

/// <summary>
/// A captioner stopped with SIGTERM while its batches wait on their images: within its finishing time it completes
/// them, past it their deliveries go back to the queue; either way a second captioner completes the job, every item once.
/// </summary>
[Collection(WorkersCollection.Name)]
public sealed class GracefulShutdownTests(WorkersFixture stack) : IAsyncLifetime
{
    private const int Items = 24;
    private const int BatchSize = 8;
    private static readonly string[] Languages = ["en_XX", "fr_XX"];
    private readonly TempFolder temp = new();

    [Fact]
    public async Task A_stopping_worker_finishes_the_batch_in_progress_and_another_worker_does_the_rest()
    {
        var first = await stack.ReplaceCaptionerAsync(SlowFetchingWorker("30"));
        var (jobId, keys) = await StartGatedJobAsync();

        var stopping = first.StopAsync(TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(() => Task.FromResult(first.Output), output => output.Contains("Application is shutting down", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the first worker to begin stopping");
        stack.Images.OpenGate();

        Assert.Equal(0, await stopping);
        Assert.Contains("done: 8 items succeeded, 0 failed", first.Output, StringComparison.Ordinal);
        await stack.ReplaceCaptionerAsync();
        await AssertCompletedOnceEachAsync(jobId, keys, expectedRetried: 0);
    }

    [Fact]
    public async Task A_worker_stopped_past_its_finishing_time_returns_the_batch_and_another_worker_completes_it()
    {
        var first = await stack.ReplaceCaptionerAsync(SlowFetchingWorker("1"));
        var (jobId, keys) = await StartGatedJobAsync();

        Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(60)));
        // A worker takes two batches at once by default: each one it had begun goes back.
        var returned = Regex.Matches(first.Output, @"Batch (\d+) of job \S+ goes back to the queue unfinished").Select(match => match.Groups[1].Value).Distinct().Count();
        Assert.InRange(returned, 1, 2);
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM results WHERE job_id = @job", ("job", jobId)));
        var second = await stack.ReplaceCaptionerAsync();
        stack.Images.OpenGate();
        await AssertCompletedOnceEachAsync(jobId, keys, expectedRetried: returned);
        Assert.DoesNotContain("goes back to the queue", second.Output, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        stack.Images.OpenGate();
        await stack.RestoreCaptionerAsync();
        temp.Dispose();
    }

    /// <summary>Waits for gated images far longer than the test runs; finishes in-flight batches for <paramref name="stopSeconds"/>.</summary>
    private static (string, string)[] SlowFetchingWorker(string stopSeconds) =>
    [
        ("Fetching:AttemptTimeout", "00:05:00"),
        ("Messaging:StopTimeoutSeconds", stopSeconds),
        ("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information"),
    ];

    /// <summary>A job of three batches whose images wait behind the closed gate; returns once a worker is fetching them.</summary>
    private async Task<(Guid JobId, Dictionary<string, (string Colour, string Shape)> Keys)> StartGatedJobAsync()
    {
        var folder = temp.Sub("captioner");
        TestCheckpoints.WriteColourShapeCaptioner(folder);
        var checkpoint = await stack.Api.UploadCheckpointAsync(folder, "ImageToText");
        var run = Guid.NewGuid().ToString("N");
        var keys = new Dictionary<string, (string Colour, string Shape)>();
        var manifest = new System.Text.StringBuilder("id,image\n");
        for (var i = 0; i < Items; i++)
        {
            var (colour, shape) = (SyntheticImages.Colours[i % 4], SyntheticImages.Shapes[i % 3]);
            stack.Images.Add($"{run}-{i}.png", SyntheticImages.Draw(colour, shape, seed: i));
            keys[$"item-{i}"] = (colour, shape);
            manifest.Append($"item-{i},{stack.Images.Url($"/gated/{run}-{i}.png")}\n");
        }
        var dataset = await stack.Api.CreateManifestDatasetAsync(manifest.ToString());
        stack.Images.CloseGate();
        var hitsBefore = stack.Images.GatedHits;
        var jobId = await stack.Api.CreateJobAsync("captions", new { datasetId = dataset, checkpointId = checkpoint, languages = Languages, batchSize = BatchSize });
        await Poll.UntilAsync(() => Task.FromResult(stack.Images.GatedHits), hits => hits > hitsBefore, TimeSpan.FromSeconds(60), "a worker to fetch the first batch's images");
        return (jobId, keys);
    }

    private async Task AssertCompletedOnceEachAsync(Guid jobId, Dictionary<string, (string Colour, string Shape)> keys, int expectedRetried)
    {
        var job = await stack.Api.WaitUntilSettledAsync(jobId, stack.Captioner);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(Items, job.GetProperty("items").GetProperty("succeeded").GetInt64());
        var results = await JobResults.ReadAsync(stack.Database, jobId);
        Assert.Equal(Items * Languages.Length, results.Count);
        Assert.Equal(results.Count, results.Select(result => (result.Key, result.Language)).Distinct().Count());
        Assert.All(results, result =>
            Assert.Equal(SyntheticImages.ExpectedCaption(keys[result.Key].Colour, keys[result.Key].Shape, result.Language), result.Text));
        var attempts = await stack.Database.QueryAsync("SELECT attempts FROM batches WHERE job_id = @job", row => row.GetInt32(0), ("job", jobId));
        Assert.Equal(Items / BatchSize, attempts.Count);
        Assert.Equal(expectedRetried, attempts.Count(attempt => attempt > 1));
    }
}
