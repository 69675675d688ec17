using System.Net;
using System.Text.Json;
using Platform.ModelBuilder;
using Platform.Workers.IntegrationTests.Infrastructure;

namespace Platform.Workers.IntegrationTests;

[Collection(WorkersCollection.Name)]
public sealed class RetryFailedTests(WorkersFixture stack) : IDisposable
{
    private static readonly string[] Languages = ["en_XX", "de_DE"];
    private readonly TempFolder temp = new();

    private Task<List<(long Ordinal, string Language, string Key, string Text, string Xmin, DateTime CreatedAt)>> ResultsAsync(Guid jobId) => stack.Database.QueryAsync(
        "SELECT ordinal, language, item_key, text, xmin::text, created_at FROM results WHERE job_id = @job ORDER BY ordinal, language",
        row => (row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetDateTime(5)), ("job", jobId));

    private static (long Succeeded, long Failed) ItemCounts(JsonElement job) =>
        (job.GetProperty("items").GetProperty("succeeded").GetInt64(), job.GetProperty("items").GetProperty("failed").GetInt64());

    [Fact]
    public async Task Retrying_failed_items_captions_the_images_missing_the_first_time_and_never_refetches_or_rewrites_a_stored_caption()
    {
        var folder = temp.Sub("captioner");
        TestCheckpoints.WriteColourShapeCaptioner(folder);
        var checkpoint = await stack.Api.UploadCheckpointAsync(folder, "ImageToText");
        var run = Guid.NewGuid().ToString("N");
        var good = new List<(string Key, string Name)>();
        var late = new List<(string Key, string Name, byte[] Image)>();
        for (var i = 0; i < 11; i++)
        {
            var (colour, shape) = (SyntheticImages.Colours[i % 4], SyntheticImages.Shapes[i % 3]);
            var name = $"{run}-{i}.png";
            var image = SyntheticImages.Draw(colour, shape, seed: i);
            if (i % 4 == 2)
            {
                late.Add(($"{colour}-{shape}-late{i}", name, image));
            }
            else
            {
                stack.Images.Add(name, image);
                good.Add(($"{colour}-{shape}-{i}", name));
            }
        }
        var rows = good.Select(g => (g.Key, g.Name)).Concat(late.Select(l => (l.Key, l.Name))).OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => $"{r.Key},{stack.Images.Url($"/images/{r.Name}")}\n");
        var dataset = await stack.Api.CreateManifestDatasetAsync("id,image\n" + string.Concat(rows) + $"broken,{stack.Images.Url("/status/500")}\n");

        var jobId = await stack.Api.CreateJobAsync("captions", new { datasetId = dataset, checkpointId = checkpoint, languages = Languages, batchSize = 4 });
        var first = await stack.Api.WaitUntilSettledAsync(jobId, stack.Captioner);
        Assert.Equal("CompletedWithErrors", first.GetProperty("status").GetString());
        Assert.Equal((8L, 4L), ItemCounts(first));
        var before = await ResultsAsync(jobId);
        Assert.Equal(16, before.Count);

        foreach (var (_, name, image) in late)
        {
            stack.Images.Add(name, image);
        }
        var retry = await stack.Api.RetryFailedAsync(jobId);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var settled = await stack.Api.WaitUntilSettledAsync(jobId, stack.Captioner);

        Assert.Equal("CompletedWithErrors", settled.GetProperty("status").GetString());
        Assert.Equal((11L, 1L), ItemCounts(settled));
        var after = await ResultsAsync(jobId);
        Assert.Equal(22, after.Count);
        Assert.Equal(22, after.Select(r => (r.Ordinal, r.Language)).Distinct().Count());
        Assert.All(after, result => Assert.Equal(SyntheticImages.ExpectedCaption(result.Key.Split('-')[0], result.Key.Split('-')[1], result.Language), result.Text));
        Assert.Equal(before, after.Where(result => !result.Key.Contains("late", StringComparison.Ordinal)));
        Assert.All(good, image => Assert.Equal(1, stack.Images.HitsOf($"/images/{image.Name}")));
        Assert.All(late, image => Assert.Equal(2, stack.Images.HitsOf($"/images/{image.Name}")));
        var failures = await stack.Database.QueryAsync(
            "SELECT item_key, language, reason FROM item_failures WHERE job_id = @job", row => (row.GetString(0), row.GetString(1), row.GetString(2)), ("job", jobId));
        Assert.Equal([("broken", "", "http_error")], failures);

        var exported = await Poll.UntilAsync(
            async () => (await stack.Api.GetStringAsync($"/v1/jobs/{jobId}/exports/jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            lines => lines.Length == 22, TimeSpan.FromSeconds(30), "the export of the retried job");
        Assert.Equal(after.Select(r => (r.Ordinal, r.Language, r.Text)), exported.Select(line => JsonDocument.Parse(line).RootElement)
            .Select(row => (row.GetProperty("ordinal").GetInt64(), row.GetProperty("language").GetString()!, row.GetProperty("text").GetString()!)));
    }

    public void Dispose() => temp.Dispose();
}
