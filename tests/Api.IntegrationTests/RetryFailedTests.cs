using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Api.Services;
using Platform.Storage.Blobs;

namespace Platform.Api.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class RetryFailedTests(StackFixture stack)
{
    private Task<List<(long Ordinal, string Language, string Xmin, DateTime CreatedAt)>> ResultVersionsAsync(Guid jobId) => stack.Database.QueryAsync(
        "SELECT ordinal, language, xmin::text, created_at FROM results WHERE job_id = @job ORDER BY ordinal, language",
        row => (row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetDateTime(3)), ("job", jobId));

    private Task<List<(string Key, string Language)>> FailuresAsync(Guid jobId) => stack.Database.QueryAsync(
        "SELECT item_key, language FROM item_failures WHERE job_id = @job ORDER BY ordinal, language",
        row => (row.GetString(0), row.GetString(1)), ("job", jobId));

    private Task<List<string>> ExportBlobsAsync(Guid jobId) => stack.Database.QueryAsync(
        "SELECT blob_path FROM job_exports WHERE job_id = @job", row => row.GetString(0), ("job", jobId));

    private static (long Succeeded, long Failed) ItemCounts(JsonElement job) =>
        (job.GetProperty("items").GetProperty("succeeded").GetInt64(), job.GetProperty("items").GetProperty("failed").GetInt64());

    [Fact]
    public async Task Retry_re_runs_exactly_the_failed_items_and_languages_once_and_the_job_settles_again_with_counts_that_add_up()
    {
        var dataset = await stack.CreateManifestDatasetAsync(30);
        var checkpoint = await stack.RegisterCheckpointAsync();
        var failing = new HashSet<(string, string?)> { ("item-3", null), ("item-7", "fr"), ("item-8", "fr"), ("item-21", "en") };
        stack.Worker.Fails = (key, language) => failing.Contains((key, language));
        // Enough for the first run's three batches: the retry's wait at the gate until the test lets them through.
        using var gate = new SemaphoreSlim(3);
        stack.Worker.Gate = gate;
        try
        {
            var jobId = await stack.CreateCaptionJobAsync(dataset, checkpoint, ["en", "fr"], batchSize: 10);
            var first = await stack.WaitForStatusAsync(jobId, "CompletedWithErrors");
            Assert.Equal((26L, 4L), ItemCounts(first));
            var before = await ResultVersionsAsync(jobId);
            Assert.Equal(55, before.Count);
            var firstExports = await Poll.UntilAsync(() => ExportBlobsAsync(jobId), blobs => blobs.Count == 3, TimeSpan.FromSeconds(60), "the first settlement's exports");

            // item-21 keeps failing in English; the others now succeed.
            failing.ExceptWith([("item-3", null), ("item-7", "fr"), ("item-8", "fr")]);
            var retry = await stack.Client.PostAsync($"/v1/jobs/{jobId}/retry-failed", null);
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
            var retried = await retry.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
            Assert.Equal("Running", retried.GetProperty("status").GetString());
            Assert.Equal((26L, 0L), ItemCounts(retried));
            await ExportTests.AssertProblemAsync(await stack.Client.PostAsync($"/v1/jobs/{jobId}/retry-failed", null), HttpStatusCode.Conflict, "Job not finished");
            Assert.Empty(await ExportBlobsAsync(jobId));
            var blobStore = stack.Services.GetRequiredService<BlobStore>();
            foreach (var blob in firstExports)
            {
                var (container, path) = BlobStore.SplitBlobPath(blob);
                Assert.False(await blobStore.ExistsAsync(container, path, CancellationToken.None));
            }
            gate.Release(1000);

            var settled = await stack.WaitForStatusAsync(jobId, "CompletedWithErrors");
            Assert.Equal((29L, 1L), ItemCounts(settled));
            Assert.Equal(6, settled.GetProperty("batches").GetProperty("total").GetInt32());
            Assert.Equal(6, settled.GetProperty("batches").GetProperty("settled").GetInt32());
            var retryBatches = stack.Worker.ReceivedFor(jobId).Where(batch => batch.BatchIndex >= 3)
                .Select(batch => (batch.BatchIndex, Keys: string.Join(' ', batch.Items.Select(item => item.Key)), Languages: string.Join(' ', batch.Languages)))
                .OrderBy(batch => batch.BatchIndex);
            Assert.Equal([(3, "item-3", "en fr"), (4, "item-7 item-8", "fr"), (5, "item-21", "en")], retryBatches);

            var after = await ResultVersionsAsync(jobId);
            Assert.Equal(59, after.Count);
            Assert.Equal(before, after.Where(result => before.Any(old => (old.Ordinal, old.Language) == (result.Ordinal, result.Language))));
            Assert.Equal([("item-21", "en")], await FailuresAsync(jobId));
            await Poll.UntilAsync(
                () => stack.Database.CountAsync("SELECT count(*) FROM job_exports WHERE job_id = @job AND row_count = 59", ("job", jobId)),
                count => count == 3, TimeSpan.FromSeconds(60), "the exports of the second settlement");
        }
        finally
        {
            stack.Worker.Fails = null;
            stack.Worker.Gate = null;
            gate.Release(1000);
        }
    }

    [Fact]
    public async Task A_retry_batch_abandoned_by_its_workers_fails_only_the_items_still_missing_a_language_it_asked_for()
    {
        var dataset = await stack.CreateManifestDatasetAsync(20);
        var checkpoint = await stack.RegisterCheckpointAsync();
        stack.Worker.Fails = (key, language) => (key, language) is ("item-4", "fr") or ("item-12", null);
        using var gate = new SemaphoreSlim(2);
        stack.Worker.Gate = gate;
        try
        {
            var jobId = await stack.CreateCaptionJobAsync(dataset, checkpoint, ["en", "fr"], batchSize: 10);
            Assert.Equal((18L, 2L), ItemCounts(await stack.WaitForStatusAsync(jobId, "CompletedWithErrors")));
            stack.Worker.Fails = null;
            Assert.Equal(HttpStatusCode.Accepted, (await stack.Client.PostAsync($"/v1/jobs/{jobId}/retry-failed", null)).StatusCode);
            await Poll.UntilAsync(() => Task.FromResult(stack.Worker.ReceivedFor(jobId).Count), count => count == 4, TimeSpan.FromSeconds(30), "both retry batches");

            // Batch 2 re-runs item-4 in French only: item-4 has its English caption, yet it is not done.
            await stack.Services.GetRequiredService<BatchAbandonment>().AbandonAsync(jobId, 2, attempts: 5, CancellationToken.None);
            gate.Release(1000);
            var settled = await stack.WaitForStatusAsync(jobId, "CompletedWithErrors");

            Assert.Equal((19L, 1L), ItemCounts(settled));
            Assert.Equal([("item-4", ""), ("item-4", "fr")], await FailuresAsync(jobId));
            Assert.Equal(39, await stack.Database.CountAsync("SELECT count(*) FROM results WHERE job_id = @job", ("job", jobId)));
            Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM batches WHERE job_id = @job AND state = 'Abandoned'", ("job", jobId)));
        }
        finally
        {
            stack.Worker.Fails = null;
            stack.Worker.Gate = null;
            gate.Release(1000);
        }
    }

    [Fact]
    public async Task Retry_is_refused_for_an_unknown_job_a_running_job_and_a_job_with_nothing_failed_and_records_no_batch()
    {
        await ExportTests.AssertProblemAsync(await stack.Client.PostAsync($"/v1/jobs/{Guid.NewGuid()}/retry-failed", null), HttpStatusCode.NotFound, "Job not found");
        var dataset = await stack.CreateManifestDatasetAsync(12);
        var checkpoint = await stack.RegisterCheckpointAsync();
        using var gate = new SemaphoreSlim(0);
        stack.Worker.Gate = gate;
        Guid jobId;
        try
        {
            jobId = await stack.CreateCaptionJobAsync(dataset, checkpoint, ["en"], batchSize: 5);
            await stack.WaitForStatusAsync(jobId, "Running");
            await ExportTests.AssertProblemAsync(await stack.Client.PostAsync($"/v1/jobs/{jobId}/retry-failed", null), HttpStatusCode.Conflict, "Job not finished");
            gate.Release(1000);
            await stack.WaitForStatusAsync(jobId, "Succeeded");
        }
        finally
        {
            stack.Worker.Gate = null;
            gate.Release(1000);
        }

        await ExportTests.AssertProblemAsync(await stack.Client.PostAsync($"/v1/jobs/{jobId}/retry-failed", null), HttpStatusCode.Conflict, "Nothing to retry");
        var job = await stack.GetJobAsync(jobId);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(3, await stack.Database.CountAsync("SELECT count(*) FROM batches WHERE job_id = @job", ("job", jobId)));
    }
}
