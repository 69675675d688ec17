using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Contracts;

namespace Platform.Api.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class JobLifecycleTests(StackFixture stack)
{
    private Task<Guid> CreateCaptionJobAsync(Guid dataset, Guid checkpoint, string[] languages, int batchSize = 64, string? idempotencyKey = null) =>
        stack.CreateCaptionJobAsync(dataset, checkpoint, languages, batchSize, idempotencyKey);

    private Task<long> ResultCountAsync(Guid jobId) =>
        stack.Database.CountAsync("SELECT count(*) FROM results WHERE job_id = @job", ("job", jobId));

    [Fact]
    public async Task A_thousand_item_job_ends_with_exactly_one_result_per_item_and_language()
    {
        var dataset = await stack.CreateManifestDatasetAsync(1000);
        var checkpoint = await stack.RegisterCheckpointAsync();

        var jobId = await CreateCaptionJobAsync(dataset, checkpoint, ["en", "fr"]);
        var job = await stack.WaitForStatusAsync(jobId, "Succeeded", "CompletedWithErrors", "Failed");

        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(1000, job.GetProperty("items").GetProperty("succeeded").GetInt64());
        Assert.Equal(16, job.GetProperty("batches").GetProperty("total").GetInt32());
        Assert.Equal(100.0, job.GetProperty("percent").GetDouble());
        Assert.Equal(2000, await ResultCountAsync(jobId));
        Assert.Equal(1000, await stack.Database.CountAsync(
            "SELECT count(DISTINCT ordinal) FROM results WHERE job_id = @job AND text = 'caption of ' || item_key || ' in ' || language", ("job", jobId)));
    }

    [Fact]
    public async Task The_same_batch_delivered_twice_adds_no_rows_and_no_counts()
    {
        var dataset = await stack.CreateManifestDatasetAsync(100);
        var checkpoint = await stack.RegisterCheckpointAsync();
        using var gate = new SemaphoreSlim(0);
        stack.Worker.Gate = gate;
        try
        {
            var jobId = await CreateCaptionJobAsync(dataset, checkpoint, ["en"], batchSize: 50);
            await Poll.UntilAsync(() => Task.FromResult(stack.Worker.TotalDeliveries(jobId)), count => count == 2, TimeSpan.FromSeconds(30), "both batches");
            // Both copies of batch 0 are leased and worked on at once, as when a broker redelivers to a second worker.
            var items = Enumerable.Range(0, 50).Select(i => new WorkItem(i, $"item-{i}", $"https://images.example/{i}.jpg", null)).ToList();
            await stack.Services.GetRequiredService<IBus>().Publish(new CaptionBatch(jobId, 0, checkpoint, ["en"], items, null));
            await Poll.UntilAsync(() => Task.FromResult(stack.Worker.TotalDeliveries(jobId)), count => count == 3, TimeSpan.FromSeconds(30), "the duplicate delivery");
            gate.Release(3);

            await Poll.UntilAsync(() => Task.FromResult(stack.Worker.HandledOf(jobId, 0)), count => count == 2, TimeSpan.FromSeconds(30), "both copies to be handled");
            var job = await stack.WaitForStatusAsync(jobId, "Succeeded");

            Assert.Equal(100, await ResultCountAsync(jobId));
            Assert.Equal(100, job.GetProperty("items").GetProperty("succeeded").GetInt64());
            Assert.Equal(2, job.GetProperty("batches").GetProperty("settled").GetInt32());
        }
        finally
        {
            stack.Worker.Gate = null;
            gate.Release(1000);
        }
    }

    [Fact]
    public async Task A_batch_whose_worker_dies_is_republished_after_its_lease_and_every_item_is_done_once()
    {
        var dataset = await stack.CreateManifestDatasetAsync(200);
        var checkpoint = await stack.RegisterCheckpointAsync();
        stack.Worker.Lease = TimeSpan.FromSeconds(2);
        stack.Worker.DieOnceOnBatch = 1;
        try
        {
            var jobId = await CreateCaptionJobAsync(dataset, checkpoint, ["en"], batchSize: 50);
            var job = await stack.WaitForStatusAsync(jobId, "Succeeded", "CompletedWithErrors", "Failed");

            Assert.Equal("Succeeded", job.GetProperty("status").GetString());
            Assert.Equal(200, await ResultCountAsync(jobId));
            Assert.Equal(2, stack.Worker.DeliveriesOf(jobId, 1));
            Assert.Equal(2, await stack.Database.CountAsync("SELECT attempts FROM batches WHERE job_id = @job AND index = 1", ("job", jobId)));
        }
        finally
        {
            stack.Worker.DieOnceOnBatch = null;
            stack.Worker.Lease = TimeSpan.FromMinutes(5);
        }
    }

    [Fact]
    public async Task Cancel_mid_job_stops_the_batches_not_yet_done()
    {
        var dataset = await stack.CreateManifestDatasetAsync(400);
        var checkpoint = await stack.RegisterCheckpointAsync();
        using var gate = new SemaphoreSlim(0);
        stack.Worker.Gate = gate;
        try
        {
            var jobId = await CreateCaptionJobAsync(dataset, checkpoint, ["en"], batchSize: 20);
            gate.Release(3);
            await Poll.UntilAsync(() => ResultCountAsync(jobId), count => count == 60, TimeSpan.FromSeconds(30), "three batches to finish");

            var cancel = await stack.Client.PostAsync($"/v1/jobs/{jobId}/cancel", null);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            gate.Release(1000);
            await Poll.UntilAsync(() => Task.FromResult(stack.Worker.TotalDeliveries(jobId)), count => count == 20, TimeSpan.FromSeconds(30), "every batch to be delivered");

            var job = await stack.GetJobAsync(jobId);
            Assert.Equal("Cancelled", job.GetProperty("status").GetString());
            Assert.True(await ResultCountAsync(jobId) < 400);
            Assert.Equal(0, await stack.Database.CountAsync(
                "SELECT count(*) FROM batches WHERE job_id = @job AND state NOT IN ('Completed', 'Cancelled')", ("job", jobId)));
            var again = await stack.Client.PostAsync($"/v1/jobs/{jobId}/cancel", null);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        finally
        {
            stack.Worker.Gate = null;
            gate.Release(1000);
        }
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_returns_the_same_job()
    {
        var dataset = await stack.CreateManifestDatasetAsync(10);
        var checkpoint = await stack.RegisterCheckpointAsync();
        var key = $"retry-{Guid.NewGuid()}";

        var first = await CreateCaptionJobAsync(dataset, checkpoint, ["en"], idempotencyKey: key);
        var second = await CreateCaptionJobAsync(dataset, checkpoint, ["en"], idempotencyKey: key);

        Assert.Equal(first, second);
        Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM jobs WHERE idempotency_key = @key", ("key", key)));

        using var different = new HttpRequestMessage(HttpMethod.Post, "/v1/jobs/captions")
        {
            Content = JsonContent.Create(new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "de" } }),
        };
        different.Headers.Add("Idempotency-Key", key);
        var response = await stack.Client.SendAsync(different);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Results_and_job_lists_page_by_keyset_without_gaps_or_repeats()
    {
        var dataset = await stack.CreateManifestDatasetAsync(30);
        var checkpoint = await stack.RegisterCheckpointAsync();
        var jobId = await CreateCaptionJobAsync(dataset, checkpoint, ["en", "es"], batchSize: 7);
        await stack.WaitForStatusAsync(jobId, "Succeeded");

        var seen = new List<(long, string)>();
        string? after = null;
        do
        {
            var page = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}/results?limit=8{(after is null ? "" : "&after=" + after)}", StackFixture.Json);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("ordinal").GetInt64(), r.GetProperty("language").GetString()!)));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        Assert.Equal(60, seen.Count);
        Assert.Equal(seen.OrderBy(s => s.Item1).ThenBy(s => s.Item2, StringComparer.Ordinal), seen);
        Assert.Equal(60, seen.Distinct().Count());

        var jobs = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/jobs?datasetId={dataset}&limit=1", StackFixture.Json);
        Assert.Equal(jobId, jobs.GetProperty("items")[0].GetProperty("id").GetGuid());
    }
}
