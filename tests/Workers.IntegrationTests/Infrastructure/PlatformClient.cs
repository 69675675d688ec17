using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Workers.IntegrationTests.Infrastructure;

/// <summary>The Api as a client uses it: upload checkpoints and datasets, create jobs, wait for them to settle.</summary>
public sealed class PlatformClient(HttpClient client)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly string[] SettledStatuses = ["Succeeded", "CompletedWithErrors", "Failed", "Cancelled"];

    public Task<Guid> UploadCheckpointAsync(string folder, string task) =>
        PostForIdAsync($"/v1/checkpoints?name={Path.GetFileName(folder)}&task={task}", CheckpointArchives.Zip(folder), "application/zip");

    public Task<Guid> CreateArchiveDatasetAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }
        return PostForIdAsync("/v1/datasets?name=images", zip.ToArray(), "application/zip");
    }

    public Task<Guid> CreateManifestDatasetAsync(string csv) =>
        PostForIdAsync("/v1/datasets?name=manifest", Encoding.UTF8.GetBytes(csv), "text/csv");

    /// <param name="kind">captions or translations.</param>
    public async Task<Guid> CreateJobAsync(string kind, object request) => await IdOfAsync(await PostJobAsync(kind, request));

    /// <summary>Posts a job request and returns the response as it is, for requests that must be refused.</summary>
    public Task<HttpResponseMessage> PostJobAsync(string kind, object request) => client.PostAsJsonAsync($"/v1/jobs/{kind}", request, Json);

    /// <summary>Every result of a job as <c>GET /v1/jobs/{id}/results</c> pages them.</summary>
    public async Task<List<JsonElement>> GetResultsAsync(Guid jobId)
    {
        var results = new List<JsonElement>();
        string? after = null;
        do
        {
            var query = after is null ? "" : $"&after={Uri.EscapeDataString(after)}";
            var page = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}/results?limit=50{query}", Json);
            results.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);
        return results;
    }

    public Task<HttpResponseMessage> RetryFailedAsync(Guid jobId) => client.PostAsync(new Uri($"/v1/jobs/{jobId}/retry-failed", UriKind.Relative), null);

    public Task<string> GetStringAsync(string uri) => client.GetStringAsync(new Uri(uri, UriKind.Relative));

    public Task<JsonElement> WaitUntilSettledAsync(Guid jobId, params WorkerProcess[] workers) =>
        WaitUntilSettledAsync(jobId, TimeSpan.FromSeconds(120), workers);

    public async Task<JsonElement> WaitUntilSettledAsync(Guid jobId, TimeSpan timeout, params WorkerProcess[] workers)
    {
        try
        {
            return await Poll.UntilAsync(
                () => client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}", Json),
                job => SettledStatuses.Contains(job.GetProperty("status").GetString()),
                timeout,
                $"job {jobId} to settle");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\nWorker output:\n{string.Join("\n", workers.Select(worker => worker.Output))}", exception);
        }
    }

    private async Task<Guid> PostForIdAsync(string uri, byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(contentType);
        return await IdOfAsync(await client.PostAsync(uri, content));
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}
