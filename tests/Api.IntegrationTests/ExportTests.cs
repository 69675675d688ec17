using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Data.Bulk;

namespace Platform.Api.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class ExportTests(StackFixture stack)
{
    private static readonly Dictionary<string, string> MediaTypes = new()
    {
        ["jsonl"] = "application/jsonl",
        ["csv"] = "text/csv",
        ["parquet"] = "application/vnd.apache.parquet",
    };

    private static string TrickyCaption(string key, string language) =>
        $"{key}, \"{language}\" said: «ünïcödé» 日本語 ✓\r\nsecond line; 🙂,";

    private Task<List<ExportFiles.Row>> StoredResultsAsync(Guid jobId) => stack.Database.QueryAsync(
        "SELECT ordinal, item_key, language, text FROM results WHERE job_id = @job ORDER BY ordinal, language",
        row => new ExportFiles.Row(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3)), ("job", jobId));

    private Task<JsonElement> WaitForExportsAsync(Guid jobId) => Poll.UntilAsync(
        () => stack.Client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}/exports", StackFixture.Json),
        list => list.GetArrayLength() == 3, TimeSpan.FromSeconds(120), $"the exports of job {jobId} written on settle");

    [Fact]
    public async Task A_settled_two_language_job_is_exported_as_jsonl_csv_and_parquet_in_dataset_order_and_each_link_downloads_the_same_bytes()
    {
        var dataset = await stack.CreateManifestDatasetAsync(23);
        var checkpoint = await stack.RegisterCheckpointAsync();
        stack.Worker.Captions = TrickyCaption;
        Guid jobId;
        try
        {
            jobId = await stack.CreateCaptionJobAsync(dataset, checkpoint, ["fr", "en"], batchSize: 5);
            await stack.WaitForStatusAsync(jobId, "Succeeded");
        }
        finally
        {
            stack.Worker.Captions = FakeGenerationWorker.CaptionFor;
        }
        var listed = await WaitForExportsAsync(jobId);
        var expected = await StoredResultsAsync(jobId);
        Assert.Equal(46, expected.Count);
        Assert.Equal(TrickyCaption("item-0", "en"), expected[0].Text);

        Assert.Equal(["jsonl", "csv", "parquet"], listed.EnumerateArray().Select(export => export.GetProperty("format").GetString()));
        using var plain = new HttpClient();
        foreach (var export in listed.EnumerateArray())
        {
            var format = export.GetProperty("format").GetString()!;
            var response = await stack.Client.GetAsync(export.GetProperty("links").GetProperty("download").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(MediaTypes[format], response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal($"{jobId}.{format}", response.Content.Headers.ContentDisposition.FileNameStar);
            var bytes = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(expected, ExportFiles.Read(format, bytes));
            Assert.Equal(46, export.GetProperty("rows").GetInt64());
            Assert.Equal(bytes.Length, export.GetProperty("sizeBytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), export.GetProperty("sha256").GetString());

            var link = await stack.Client.GetFromJsonAsync<JsonElement>(export.GetProperty("links").GetProperty("link").GetString(), StackFixture.Json);
            var expiresAt = link.GetProperty("expiresAt").GetDateTimeOffset();
            Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));
            Assert.Equal(bytes, await plain.GetByteArrayAsync(link.GetProperty("url").GetString()));
        }
        var csv = Encoding.UTF8.GetString(await stack.Client.GetByteArrayAsync($"/v1/jobs/{jobId}/exports/csv"));
        Assert.StartsWith("ordinal,key,language,text,score,flags\r\n0,item-0,en,\"item-0, \"\"en\"\" said:", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_thousand_rows_stream_out_in_dataset_order_across_keyset_pages_and_parquet_row_groups()
    {
        var dataset = await stack.CreateManifestDatasetAsync(4);
        var checkpoint = await stack.RegisterCheckpointAsync();
        using var gate = new SemaphoreSlim(0);
        stack.Worker.Gate = gate;
        Guid jobId;
        try
        {
            jobId = await stack.CreateCaptionJobAsync(dataset, checkpoint, ["en"], batchSize: 4);
            await Poll.UntilAsync(() => Task.FromResult(stack.Worker.TotalDeliveries(jobId)), count => count == 1, TimeSpan.FromSeconds(30), "the job's batch");
            // Written newest first in chunks, so that only the export's ordering can put them in dataset order.
            await using var dataSource = NpgsqlDataSource.Create(stack.Database.ConnectionString);
            var writer = new ResultWriter(dataSource);
            foreach (var chunk in Enumerable.Range(0, 10_000).Reverse().Chunk(1_000))
            {
                var rows = chunk.SelectMany(i => new[] { "es", "de" }.Select(language => new ResultRow(100 + i, language, $"extra-{i}", $"text {i} {language}", null, ["long"])));
                await writer.WriteAsync(jobId, [.. rows], [], CancellationToken.None);
            }
            gate.Release(1000);
            await stack.WaitForStatusAsync(jobId, "Succeeded");
        }
        finally
        {
            stack.Worker.Gate = null;
            gate.Release(1000);
        }
        var listed = await WaitForExportsAsync(jobId);
        Assert.All(listed.EnumerateArray(), export => Assert.Equal(20_004, export.GetProperty("rows").GetInt64()));

        using var response = await stack.Client.GetAsync($"/v1/jobs/{jobId}/exports/jsonl", HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync());
        var keys = new List<(long Ordinal, string Language)>();
        while (await lines.ReadLineAsync() is { } line)
        {
            var row = JsonDocument.Parse(line).RootElement;
            keys.Add((row.GetProperty("ordinal").GetInt64(), row.GetProperty("language").GetString()!));
        }
        Assert.Equal(20_004, keys.Count);
        Assert.Equal((0L, "en"), keys[0]);
        Assert.Equal((100L, "de"), keys[4]);
        Assert.Equal((10_099L, "es"), keys[^1]);
        Assert.All(keys.Zip(keys.Skip(1)), pair => Assert.True(pair.First.Ordinal < pair.Second.Ordinal || (pair.First.Ordinal == pair.Second.Ordinal && string.CompareOrdinal(pair.First.Language, pair.Second.Language) < 0)));

        var (parquetRows, rowGroups) = await ExportFiles.ReadParquetAsync(await stack.Client.GetByteArrayAsync($"/v1/jobs/{jobId}/exports/parquet"));
        Assert.Equal(7, rowGroups);
        Assert.Equal(keys, parquetRows.Select(row => (row.Ordinal, row.Language)));
        Assert.Equal(keys, ExportFiles.ReadCsv(await stack.Client.GetByteArrayAsync($"/v1/jobs/{jobId}/exports/csv")).Select(row => (row.Ordinal, row.Language)));
    }

    [Fact]
    public async Task Unknown_formats_unknown_jobs_and_unfinished_jobs_are_refused_with_problem_details_and_nothing_is_exported()
    {
        var unknown = Guid.NewGuid();
        foreach (var uri in new[] { $"/v1/jobs/{unknown}/exports", $"/v1/jobs/{unknown}/exports/csv", $"/v1/jobs/{unknown}/exports/csv/link" })
        {
            await AssertProblemAsync(await stack.Client.GetAsync(uri), HttpStatusCode.NotFound, "Job not found");
        }
        var dataset = await stack.CreateManifestDatasetAsync(3);
        var checkpoint = await stack.RegisterCheckpointAsync();
        using var gate = new SemaphoreSlim(0);
        stack.Worker.Gate = gate;
        try
        {
            var jobId = await stack.CreateCaptionJobAsync(dataset, checkpoint, ["en"]);
            await AssertProblemAsync(await stack.Client.GetAsync($"/v1/jobs/{jobId}/exports/xlsx"), HttpStatusCode.BadRequest, "Unknown export format");
            await AssertProblemAsync(await stack.Client.GetAsync($"/v1/jobs/{jobId}/exports/csv"), HttpStatusCode.Conflict, "Job not finished");
            await AssertProblemAsync(await stack.Client.GetAsync($"/v1/jobs/{jobId}/exports/parquet/link"), HttpStatusCode.Conflict, "Job not finished");
            Assert.Equal(0, (await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}/exports", StackFixture.Json)).GetArrayLength());
            Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM job_exports WHERE job_id = @job", ("job", jobId)));
        }
        finally
        {
            stack.Worker.Gate = null;
            gate.Release(1000);
        }
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
