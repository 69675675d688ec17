using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>
/// One Api and one fake worker for the whole collection, on a database and container of their own. The Api watches
/// <see cref="WatchedRun"/> in that container for checkpoints, scanning every second, evaluating them on the newest
/// dataset named <see cref="WatchedDataset"/>.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    public const string WatchedRun = "runs/run-1";
    public const string WatchedDataset = "watched-references";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Container { get; } = $"api-tests-{Guid.NewGuid():N}";

    private ApiFactory? factory;
    private WebApplication? evalWorker;

    public TestDatabase Database { get; private set; } = null!;

    public FakeGenerationWorker Worker { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("api_tests");
        factory = new ApiFactory(Database.ConnectionString, Container, new Dictionary<string, string>
        {
            ["CheckpointWatch:Watches:0:Name"] = "run-1",
            ["CheckpointWatch:Watches:0:BlobPrefix"] = $"{Container}/{WatchedRun}",
            ["CheckpointWatch:Watches:0:Task"] = "ImageToText",
            ["CheckpointWatch:Watches:0:Dataset"] = WatchedDataset,
            ["CheckpointWatch:Watches:0:Languages:0"] = "en",
            ["CheckpointWatch:Watches:0:Metrics:0"] = "bleu",
            ["CheckpointWatch:Watches:0:Metrics:1"] = "chrf",
            ["CheckpointWatch:Watches:0:BatchSize"] = "2",
            ["CheckpointWatch:Watches:0:Cron"] = "*/1 * * * * *",
        });
        Client = factory.CreateClient();
        Worker = new FakeGenerationWorker(Database.ConnectionString, StackEnvironment.RabbitMq);
        await Worker.StartAsync();
        evalWorker = await EvalWorkerHost.StartAsync(Database.ConnectionString);
    }

    public IServiceProvider Services => factory!.Services;

    public async Task<Guid> CreateManifestDatasetAsync(int items, string languagesHeader = "")
    {
        var csv = new StringBuilder("id,image").Append(languagesHeader.Length > 0 ? "," + languagesHeader : "").Append('\n');
        for (var i = 0; i < items; i++)
        {
            csv.Append("item-").Append(i).Append(",https://images.example/").Append(i).Append(".jpg");
            if (languagesHeader.Length > 0)
            {
                csv.Append(",a reference caption");
            }
            csv.Append('\n');
        }
        return await CreateDatasetAsync(csv.ToString());
    }

    public async Task<Guid> CreateDatasetAsync(string csvManifest, string name = "test")
    {
        var response = await Client.PostAsync($"/v1/datasets?name={name}", new StringContent(csvManifest, Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    public async Task<Guid> RegisterCheckpointAsync(string task = "ImageToText")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("not really a zip: registration stores bytes and their sha256"));
        content.Headers.ContentType = new("application/zip");
        var response = await Client.PostAsync($"/v1/checkpoints?name=test-model&task={task}", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    /// <summary>POSTs the body and returns the new job's id, asserting 202 Accepted.</summary>
    public async Task<Guid> PostJobAsync(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body, Json);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    public async Task<Dictionary<(Guid? Checkpoint, string Language, string Metric), JsonElement>> MetricsAsync(Guid jobId)
    {
        var rows = await Client.GetFromJsonAsync<JsonElement[]>($"/v1/jobs/{jobId}/metrics", Json);
        return rows!.ToDictionary(row => (
            row.GetProperty("checkpointId").ValueKind == JsonValueKind.Null ? (Guid?)null : row.GetProperty("checkpointId").GetGuid(),
            row.GetProperty("language").GetString()!,
            row.GetProperty("metric").GetString()!));
    }

    public async Task<JsonElement> GetJobAsync(Guid jobId) =>
        await Client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}", Json);

    public Task<JsonElement> WaitForStatusAsync(Guid jobId, params string[] statuses) =>
        Poll.UntilAsync(() => GetJobAsync(jobId), job => statuses.Contains(job.GetProperty("status").GetString()), TimeSpan.FromSeconds(90), $"job {jobId} to reach {string.Join("/", statuses)}");

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        if (evalWorker is not null)
        {
            await evalWorker.StopAsync();
            await evalWorker.DisposeAsync();
        }
        Client.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}
