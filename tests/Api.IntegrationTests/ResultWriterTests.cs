using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Contracts;
using Platform.Data.Bulk;

namespace Platform.Api.IntegrationTests;

/// <summary>The bulk writer itself, on the real schema: binary COPY through staging, conflict-safe.</summary>
[Collection(StackCollection.Name)]
public sealed class ResultWriterTests(StackFixture stack)
{
    private async Task<Guid> CreateJobAsync()
    {
        var dataset = await stack.CreateManifestDatasetAsync(5);
        var checkpoint = await stack.RegisterCheckpointAsync();
        var response = await stack.Client.PostAsync("/v1/jobs/captions", JsonContent.Create(new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" } }));
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json)).GetProperty("id").GetGuid();
        await stack.WaitForStatusAsync(jobId, "Succeeded");
        return jobId;
    }

    [Fact]
    public async Task Writing_the_same_rows_twice_keeps_one_row_each_and_the_first_text()
    {
        var jobId = await CreateJobAsync();
        await using var dataSource = NpgsqlDataSource.Create(stack.Database.ConnectionString);
        var writer = new ResultWriter(dataSource);
        ResultRow[] rows = [new(100, "de", "extra-1", "ein roter Kreis", -0.5, ["identical_to_source"]), new(101, "de", "extra-2", "ein blaues Quadrat", null, [])];
        ItemFailure[] failures = [new(102, "extra-3", null, "not_an_image", "PNG signature missing")];

        await writer.WriteAsync(jobId, rows, failures, CancellationToken.None);
        await writer.WriteAsync(jobId, [rows[0] with { Text = "changed" }], failures, CancellationToken.None);

        Assert.Equal(2, await stack.Database.CountAsync("SELECT count(*) FROM results WHERE job_id = @job AND language = 'de'", ("job", jobId)));
        Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM results WHERE job_id = @job AND text = 'ein roter Kreis' AND flags = ARRAY['identical_to_source']", ("job", jobId)));
        Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM item_failures WHERE job_id = @job AND language = '' AND reason = 'not_an_image'", ("job", jobId)));
    }
}
