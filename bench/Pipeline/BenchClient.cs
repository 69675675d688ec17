using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Platform.Bench.Pipeline;

/// <summary>The Api as a user drives it (upload, create a job, wait), plus the batch ledger read straight from PostgreSQL.</summary>
internal sealed class BenchClient(Uri api, string postgres) : IDisposable
{
    private static readonly string[] Settled = ["Succeeded", "CompletedWithErrors", "Failed", "Cancelled"];
    private readonly HttpClient http = new() { BaseAddress = api, Timeout = TimeSpan.FromMinutes(10) };

    public async Task<Guid> UploadCheckpointAsync(string folder, string task)
    {
        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
        zip.Position = 0;
        return await PostForIdAsync($"/v1/checkpoints?name={Path.GetFileName(folder)}&task={task}", new StreamContent(zip), "application/zip");
    }

    public async Task<Guid> UploadArchiveAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                await using var entry = await archive.CreateEntry(name, CompressionLevel.Fastest).OpenAsync();
                await entry.WriteAsync(content);
            }
        }
        zip.Position = 0;
        return await PostForIdAsync("/v1/datasets?name=bench-images", new StreamContent(zip), "application/zip");
    }

    /// <summary>Streams a CSV manifest file to the Api.</summary>
    public async Task<Guid> UploadManifestAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await PostForIdAsync("/v1/datasets?name=bench-manifest", new StreamContent(file), "text/csv");
    }

    public async Task<Guid> CreateCaptionJobAsync(object request)
    {
        using var response = await http.PostAsJsonAsync("/v1/jobs/captions", request);
        return await IdOfAsync(response);
    }

    public async Task<JsonElement> WaitUntilSettledAsync(Guid jobId, TimeSpan timeout)
    {
        var job = await PollAsync(() => http.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}"), j => Settled.Contains(j.GetProperty("status").GetString()), timeout, $"job {jobId} to settle");
        if (job.GetProperty("status").GetString() != "Succeeded")
        {
            throw new InvalidOperationException($"Job {jobId} ended {job}");
        }
        return job;
    }

    /// <summary>Waits until the plan job recorded every batch and published it (none left Pending).</summary>
    /// <returns>How long the plan job waited to start (Hangfire's queue).</returns>
    public async Task<TimeSpan> WaitUntilPlannedAsync(Guid jobId, TimeSpan timeout)
    {
        await using var source = NpgsqlDataSource.Create(postgres);
        await PollAsync(async () =>
        {
            await using var command = source.CreateCommand(
                """
                SELECT j.batch_count, count(b.index) FILTER (WHERE b.state <> 'Pending')
                FROM jobs j LEFT JOIN batches b ON b.job_id = j.id WHERE j.id = @job GROUP BY j.batch_count
                """);
            command.Parameters.AddWithValue("job", jobId);
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() && !reader.IsDBNull(0) && reader.GetInt32(0) > 0 && reader.GetInt64(1) == reader.GetInt32(0);
        }, planned => planned, timeout, $"job {jobId} to be planned");
        await using var started = source.CreateCommand("SELECT started_at - created_at FROM jobs WHERE id = @job");
        started.Parameters.AddWithValue("job", jobId);
        return (TimeSpan)(await started.ExecuteScalarAsync())!;
    }

    /// <summary>The managed heap's committed memory after the last collection, from the Api's System.Runtime metrics.</summary>
    public async Task<double> GcCommittedMegabytesAsync()
    {
        const string metric = "dotnet_gc_last_collection_memory_committed_size_bytes";
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = metrics.Split('\n').Single(l => l.StartsWith(metric, StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture) / (1 << 20);
    }

    public void Dispose() => http.Dispose();

    private static async Task<T> PollAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var last = await probe();
        while (!done(last))
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting for {what}.");
            }
            await interval.WaitForNextTickAsync();
            last = await probe();
        }
        return last;
    }

    private async Task<Guid> PostForIdAsync(string uri, HttpContent content, string contentType)
    {
        using (content)
        {
            content.Headers.ContentType = new(contentType);
            using var response = await http.PostAsync(new Uri(uri, UriKind.Relative), content);
            return await IdOfAsync(response);
        }
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}
