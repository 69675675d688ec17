using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Api.IntegrationTests.Infrastructure;

namespace Platform.Api.IntegrationTests;

/// <summary>A tenant sees only its own datasets, checkpoints, jobs and results: another tenant's id reads as unknown (404).</summary>
[Collection(StackCollection.Name)]
public sealed class TenantIsolationTests(StackFixture stack)
{
    [Fact]
    public async Task Another_tenants_job_dataset_and_checkpoint_are_404_everywhere()
    {
        using var owner = stack.ClientWithKey((await stack.IssueKeyAsync()).Token);
        using var stranger = stack.ClientWithKey((await stack.IssueKeyAsync()).Token);
        var dataset = await stack.CreateManifestDatasetAsync(3, "en", owner);
        var checkpoint = await stack.RegisterCheckpointAsync(client: owner);
        var created = await owner.PostAsync("/v1/jobs/captions", JsonContent.Create(new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" } }));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var job = (await created.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json)).GetProperty("id").GetGuid();

        string[] ownersUrls =
        [
            $"/v1/jobs/{job}", $"/v1/jobs/{job}/results", $"/v1/jobs/{job}/failures", $"/v1/jobs/{job}/metrics",
            $"/v1/datasets/{dataset}", $"/v1/checkpoints/{checkpoint}", $"/v1/evaluations/leaderboard?dataset={dataset}",
        ];
        foreach (var url in ownersUrls)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
            // A keyless Development request acts for the default tenant, which is not the owner either.
            Assert.Equal(HttpStatusCode.NotFound, (await stack.Client.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/v1/jobs/{job}/cancel", null)).StatusCode);
        Assert.NotEqual("Cancelled", (await owner.GetFromJsonAsync<JsonElement>($"/v1/jobs/{job}", StackFixture.Json)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Lists_show_only_the_callers_own_rows()
    {
        using var owner = stack.ClientWithKey((await stack.IssueKeyAsync()).Token);
        using var stranger = stack.ClientWithKey((await stack.IssueKeyAsync()).Token);
        var dataset = await stack.CreateManifestDatasetAsync(2, client: owner);
        var checkpoint = await stack.RegisterCheckpointAsync(client: owner);
        await owner.PostAsync("/v1/jobs/captions", JsonContent.Create(new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" } }));

        Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/v1/jobs", StackFixture.Json)).GetProperty("items").EnumerateArray());
        Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/v1/datasets", StackFixture.Json)).EnumerateArray());
        Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/v1/checkpoints", StackFixture.Json)).EnumerateArray());
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/v1/jobs", StackFixture.Json)).GetProperty("items").EnumerateArray());
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/v1/datasets", StackFixture.Json)).EnumerateArray());
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/v1/checkpoints", StackFixture.Json)).EnumerateArray());
        var defaultTenantsJobs = (await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/jobs?datasetId={dataset}", StackFixture.Json)).GetProperty("items");
        Assert.Empty(defaultTenantsJobs.EnumerateArray());
    }

    [Fact]
    public async Task A_job_on_another_tenants_dataset_or_checkpoint_is_unprocessable_as_if_unknown_and_creates_nothing()
    {
        using var owner = stack.ClientWithKey((await stack.IssueKeyAsync()).Token);
        using var stranger = stack.ClientWithKey((await stack.IssueKeyAsync()).Token);
        var ownersDataset = await stack.CreateManifestDatasetAsync(2, client: owner);
        var ownersCheckpoint = await stack.RegisterCheckpointAsync(client: owner);
        var strangersDataset = await stack.CreateManifestDatasetAsync(2, client: stranger);
        var strangersCheckpoint = await stack.RegisterCheckpointAsync(client: stranger);
        var jobsBefore = await stack.Database.CountAsync("SELECT count(*) FROM jobs");

        var onDataset = await stranger.PostAsync(
            "/v1/jobs/captions", JsonContent.Create(new { datasetId = ownersDataset, checkpointId = strangersCheckpoint, languages = new[] { "en" } }));
        var onCheckpoint = await stranger.PostAsync(
            "/v1/jobs/captions", JsonContent.Create(new { datasetId = strangersDataset, checkpointId = ownersCheckpoint, languages = new[] { "en" } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, onDataset.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onCheckpoint.StatusCode);
        Assert.Equal($"Dataset {ownersDataset} does not exist.", (await onDataset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal($"Checkpoint {ownersCheckpoint} does not exist.", (await onCheckpoint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(jobsBefore, await stack.Database.CountAsync("SELECT count(*) FROM jobs"));
    }

    [Fact]
    public async Task Blobs_in_the_upload_container_cannot_be_named_to_read_another_tenants_uploads()
    {
        var uploads = $"{stack.Container}/datasets/{Guid.NewGuid()}";
        var datasetsBefore = await stack.Database.CountAsync("SELECT count(*) FROM datasets");
        var checkpointsBefore = await stack.Database.CountAsync("SELECT count(*) FROM checkpoints");

        var prefix = await stack.Client.PostAsync("/v1/datasets", JsonContent.Create(new { name = "theirs", blobPrefix = uploads + "/" }));
        var manifest = await stack.Client.PostAsync(
            "/v1/datasets", new StringContent($"id,image\nmine,samples/a.png\ntheirs,{uploads}/cat.png\n", Encoding.UTF8, "text/csv"));
        var checkpoint = await stack.Client.PostAsync(
            "/v1/checkpoints/register", JsonContent.Create(new { name = "theirs", task = "ImageToText", blobPath = $"{stack.Container}/checkpoints/{Guid.NewGuid()}/export.zip" }));

        foreach (var response in new[] { prefix, manifest, checkpoint })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("upload container", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var lines = (await manifest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("lineNumber").GetInt64());
        Assert.Equal([3L], lines);
        Assert.Equal(datasetsBefore, await stack.Database.CountAsync("SELECT count(*) FROM datasets"));
        Assert.Equal(checkpointsBefore, await stack.Database.CountAsync("SELECT count(*) FROM checkpoints"));
    }

    [Fact]
    public async Task A_bad_key_is_401_even_in_development()
    {
        var issued = await stack.IssueKeyAsync();
        foreach (var key in new[] { "pk_not-a-key", issued.Token[..^2] + "xx", $"pk_{Guid.NewGuid():N}_{issued.Token[^43..]}" })
        {
            using var client = stack.ClientWithKey(key);
            var response = await client.GetAsync("/v1/jobs");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }
}
