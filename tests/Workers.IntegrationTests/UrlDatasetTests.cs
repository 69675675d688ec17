using System.Text;
using Platform.ModelBuilder;
using Platform.Workers.IntegrationTests.Infrastructure;

namespace Platform.Workers.IntegrationTests;

[Collection(WorkersCollection.Name)]
public sealed class UrlDatasetTests(WorkersFixture stack) : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public async Task Bad_urls_fail_their_items_with_a_reason_and_every_good_item_is_captioned()
    {
        var folder = temp.Sub("captioner");
        TestCheckpoints.WriteColourShapeCaptioner(folder);
        var checkpoint = await stack.Api.UploadCheckpointAsync(folder, "ImageToText");
        var run = Guid.NewGuid().ToString("N");
        var rows = new List<(string Key, string Url)>();
        for (var i = 0; i < 8; i++)
        {
            var (colour, shape) = (SyntheticImages.Colours[i % 4], SyntheticImages.Shapes[i % 3]);
            stack.Images.Add($"{run}-{i}.png", SyntheticImages.Draw(colour, shape, seed: i));
            rows.Add(($"{colour}-{shape}-{i}", stack.Images.Url($"/images/{run}-{i}.png")));
        }
        stack.Images.Add($"{run}-flaky.png", SyntheticImages.Draw("blue", "square", seed: 99));
        rows.Add(("blue-square-flaky", stack.Images.Url($"/flaky/{run}-flaky.png")));
        stack.Images.Add($"{run}-text.png", Encoding.UTF8.GetBytes("<html>not an image, whatever the name says</html>"));
        stack.Images.Add($"{run}-truncated.jpg", BrokenImages.TruncatedJpeg());
        stack.Images.Add($"{run}-bomb.png", BrokenImages.DecompressionBomb());
        var failing = new Dictionary<string, (string Url, string Reason)>
        {
            ["missing"] = (stack.Images.Url("/status/404"), "not_found"),
            ["slow"] = (stack.Images.Url("/slow"), "timeout"),
            ["text"] = (stack.Images.Url($"/images/{run}-text.png"), "not_an_image"),
            ["truncated"] = (stack.Images.Url($"/images/{run}-truncated.jpg"), "truncated"),
            ["bomb"] = (stack.Images.Url($"/images/{run}-bomb.png"), "decompression_bomb"),
            ["forbidden"] = (stack.Images.Url("/status/403"), "http_error"),
            ["broken-server"] = (stack.Images.Url("/status/500"), "http_error"),
        };
        rows.AddRange(failing.Select(f => (f.Key, f.Value.Url)));
        var dataset = await stack.Api.CreateManifestDatasetAsync("id,image\n" + string.Concat(rows.Select(r => $"{r.Key},{r.Url}\n")));

        var jobId = await stack.Api.CreateJobAsync("captions", new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en_XX" } });
        var job = await stack.Api.WaitUntilSettledAsync(jobId, stack.Captioner);

        Assert.Equal("CompletedWithErrors", job.GetProperty("status").GetString());
        Assert.Equal(9, job.GetProperty("items").GetProperty("succeeded").GetInt64());
        Assert.Equal(failing.Count, job.GetProperty("items").GetProperty("failed").GetInt64());
        var failures = await stack.Database.QueryAsync(
            "SELECT item_key, reason, detail FROM item_failures WHERE job_id = @job", row => (Key: row.GetString(0), Reason: row.GetString(1), Detail: row.GetString(2)), ("job", jobId));
        Assert.Equal(failing.ToDictionary(f => f.Key, f => f.Value.Reason).OrderBy(f => f.Key), failures.ToDictionary(f => f.Key, f => f.Reason).OrderBy(f => f.Key));
        Assert.All(failures, failure => Assert.False(string.IsNullOrWhiteSpace(failure.Detail)));
        var results = await stack.Database.QueryAsync(
            "SELECT item_key, text FROM results WHERE job_id = @job AND language = 'en_XX'", row => (Key: row.GetString(0), Text: row.GetString(1)), ("job", jobId));
        Assert.Equal(9, results.Count);
        Assert.All(results, result => Assert.Equal(SyntheticImages.ExpectedCaption(result.Key.Split('-')[0], result.Key.Split('-')[1], "en"), result.Text));
        Assert.Equal(1, stack.Images.HitsOf("/status/403"));
        Assert.Equal(3, stack.Images.HitsOf("/status/500"));
        Assert.Equal(2, stack.Images.HitsOf($"/flaky/{run}-flaky.png"));
    }

    public void Dispose() => temp.Dispose();
}
