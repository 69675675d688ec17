using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Api.IntegrationTests.Infrastructure;

namespace Platform.Api.IntegrationTests;

/// <summary>Every bad request gets problem details with a clear reason, and creates nothing.</summary>
[Collection(StackCollection.Name)]
public sealed class BadRequestTests(StackFixture stack)
{
    private Task<long> RowCountAsync(string table) => stack.Database.CountAsync($"SELECT count(*) FROM {table}");

    private async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
    }

    private async Task<HttpResponseMessage> CreateCaptionJobAsync(object body) =>
        await stack.Client.PostAsync("/v1/jobs/captions", JsonContent.Create(body));

    [Fact]
    public async Task Unknown_dataset_or_checkpoint_is_unprocessable_and_creates_no_job()
    {
        var dataset = await stack.CreateManifestDatasetAsync(3);
        var checkpoint = await stack.RegisterCheckpointAsync();
        var jobsBefore = await RowCountAsync("jobs");

        var unknownDataset = await AssertProblemAsync(
            await CreateCaptionJobAsync(new { datasetId = Guid.NewGuid(), checkpointId = checkpoint, languages = new[] { "en" } }),
            HttpStatusCode.UnprocessableEntity);
        var unknownCheckpoint = await AssertProblemAsync(
            await CreateCaptionJobAsync(new { datasetId = dataset, checkpointId = Guid.NewGuid(), languages = new[] { "en" } }),
            HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Dataset", unknownDataset.GetProperty("detail").GetString());
        Assert.Contains("Checkpoint", unknownCheckpoint.GetProperty("detail").GetString());
        Assert.Equal(jobsBefore, await RowCountAsync("jobs"));
    }

    [Fact]
    public async Task A_job_request_without_languages_or_with_a_wrong_checkpoint_task_is_refused()
    {
        var dataset = await stack.CreateManifestDatasetAsync(3);
        var translator = await stack.RegisterCheckpointAsync("TextToText");
        var jobsBefore = await RowCountAsync("jobs");

        await AssertProblemAsync(await CreateCaptionJobAsync(new { datasetId = dataset, checkpointId = translator }), HttpStatusCode.BadRequest);
        var wrongTask = await AssertProblemAsync(
            await CreateCaptionJobAsync(new { datasetId = dataset, checkpointId = translator, languages = new[] { "en" } }),
            HttpStatusCode.UnprocessableEntity);

        Assert.Contains("TextToText", wrongTask.GetProperty("detail").GetString());
        Assert.Equal(jobsBefore, await RowCountAsync("jobs"));
    }

    [Fact]
    public async Task A_malformed_manifest_reports_its_line_numbers_and_creates_no_dataset()
    {
        var datasetsBefore = await RowCountAsync("datasets");
        var manifest = "id,image\nok-1,https://images.example/1.jpg\n,https://images.example/2.jpg\nok-3,https://images.example/3.jpg\nok-1,https://images.example/4.jpg\n";

        var problem = await AssertProblemAsync(
            await stack.Client.PostAsync("/v1/datasets", new StringContent(manifest, Encoding.UTF8, "text/csv")), HttpStatusCode.BadRequest);

        var lines = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("lineNumber").GetInt64()).ToList();
        Assert.Contains(3L, lines);
        Assert.Contains(5L, lines);
        Assert.Equal(datasetsBefore, await RowCountAsync("datasets"));
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM dataset_items i WHERE NOT EXISTS (SELECT 1 FROM datasets d WHERE d.id = i.dataset_id)"));
    }

    [Fact]
    public async Task An_empty_manifest_is_refused_and_creates_no_dataset()
    {
        var datasetsBefore = await RowCountAsync("datasets");

        var response = await stack.Client.PostAsync("/v1/datasets", new StringContent("id,image\n", Encoding.UTF8, "text/csv"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"got {response.StatusCode}");
        var problem = await AssertProblemAsync(response, response.StatusCode);
        Assert.Contains("no items", problem.GetProperty("detail").GetString());
        Assert.Equal(datasetsBefore, await RowCountAsync("datasets"));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_413_and_creates_nothing()
    {
        var datasetsBefore = await RowCountAsync("datasets");
        var tooBig = new ByteArrayContent(new byte[ApiFactory.MaxUploadBytes + 1]);
        tooBig.Headers.ContentType = new("application/zip");

        await AssertProblemAsync(await stack.Client.PostAsync("/v1/datasets", tooBig), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(datasetsBefore, await RowCountAsync("datasets"));
    }

    [Fact]
    public async Task A_wrong_content_type_is_415_and_creates_nothing()
    {
        var datasetsBefore = await RowCountAsync("datasets");
        var checkpointsBefore = await RowCountAsync("checkpoints");

        await AssertProblemAsync(
            await stack.Client.PostAsync("/v1/datasets", new StringContent("<xml/>", Encoding.UTF8, "application/xml")), HttpStatusCode.UnsupportedMediaType);
        await AssertProblemAsync(
            await stack.Client.PostAsync("/v1/checkpoints?name=x&task=ImageToText", new StringContent("x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(datasetsBefore, await RowCountAsync("datasets"));
        Assert.Equal(checkpointsBefore, await RowCountAsync("checkpoints"));
    }

    [Fact]
    public async Task Unknown_job_is_404()
    {
        var response = await stack.Client.GetAsync($"/v1/jobs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
