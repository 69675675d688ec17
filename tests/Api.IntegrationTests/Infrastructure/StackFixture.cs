using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.ApiKeys;
using Platform.Data.Entities;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>
/// One Api and one fake worker for the whole collection, on a database and container of their own. The Api watches
/// <see cref="WatchedRun"/> in that container for checkpoints, scanning every second, evaluating them on the newest
/// dataset named <see cref="WatchedDataset"/>.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = TestJson.Options;

    /// <summary>Six attempts over about eight seconds.</summary>
    public const string RetrySchedule = "0s,1s,1s,2s,2s,2s";

    public const string WatchedRun = "runs/run-1";
    public const string WatchedDataset = "watched-references";

    private ApiFactory? factory;
    private ApiFactory? production;
    private WebApplication? evalWorker;

    public TestDatabase Database { get; private set; } = null!;

    public FakeGenerationWorker Worker { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The blob container the Api stores uploads in.</summary>
    public string Container { get; } = $"api-tests-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("api_tests");
        factory = new ApiFactory(Database.ConnectionString, Container, settings: Settings);
        Client = factory.CreateClient();
        Worker = new FakeGenerationWorker(Database.ConnectionString, StackEnvironment.RabbitMq);
        await Worker.StartAsync();
        evalWorker = await EvalWorkerHost.StartAsync(Database.ConnectionString);
    }

    public IServiceProvider Services => factory!.Services;

    /// <summary>
    /// A second Api on the same database and container, as Production runs it: every /v1 request needs a key, the rate
    /// limit is small (<see cref="ProductionSettings"/>) and the dashboard needs its credentials. Started on first use.
    /// </summary>
    public ApiFactory Production => production ??= new ApiFactory(
        Database.ConnectionString, Container, "Production",
        new Dictionary<string, string>(Settings.Concat(ProductionSettings)));

    /// <summary>
    /// Both Apis' configuration. The second must watch the same run: an Api drops the Hangfire schedules of watches
    /// its configuration does not name, and both share one Hangfire storage.
    /// </summary>
    private Dictionary<string, string> Settings => new()
    {
        // The test's webhook receiver listens on loopback; retries come seconds apart.
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:RetrySchedule"] = RetrySchedule,
        ["CheckpointWatch:Watches:0:Name"] = "run-1",
        ["CheckpointWatch:Watches:0:BlobPrefix"] = $"{Container}/{WatchedRun}",
        ["CheckpointWatch:Watches:0:Task"] = "ImageToText",
        ["CheckpointWatch:Watches:0:Dataset"] = WatchedDataset,
        ["CheckpointWatch:Watches:0:Languages:0"] = "en",
        ["CheckpointWatch:Watches:0:Metrics:0"] = "bleu",
        ["CheckpointWatch:Watches:0:Metrics:1"] = "chrf",
        ["CheckpointWatch:Watches:0:BatchSize"] = "2",
        ["CheckpointWatch:Watches:0:Cron"] = "*/1 * * * * *",
    };

    public static IReadOnlyDictionary<string, string> ProductionSettings { get; } = new Dictionary<string, string>
    {
        ["RateLimits:TokenLimit"] = "20",
        ["RateLimits:TokensPerPeriod"] = "1",
        ["RateLimits:ReplenishmentPeriodSeconds"] = "3600",
        ["Dashboard:Username"] = "operator",
        ["Dashboard:Password"] = "dashboard-test-password",
    };

    /// <summary>A client of the Development Api that sends <paramref name="key"/> as a bearer token.</summary>
    public HttpClient ClientWithKey(string key) => WithKey(factory!.CreateClient(), key);

    public static HttpClient WithKey(HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A key of a new tenant (or of <paramref name="tenantId"/>), created as <c>platform keys create</c> does.</summary>
    public async Task<IssuedApiKey> IssueKeyAsync(bool admin = false, Guid? tenantId = null)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        if (tenantId is null)
        {
            var tenant = new Tenant { Id = Guid.CreateVersion7(), Name = $"tenant-{Guid.NewGuid():N}", CreatedAt = DateTimeOffset.UtcNow };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
            tenantId = tenant.Id;
        }
        return await ApiKeyIssuer.CreateAsync(db, tenantId.Value, "test", admin, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    /// <summary>A client of the Development Api acting for a new tenant of its own, through that tenant's key.</summary>
    public async Task<HttpClient> NewTenantClientAsync() => ClientWithKey((await IssueKeyAsync()).Token);

    public Task<Guid> CreateManifestDatasetAsync(int items, string languagesHeader = "", HttpClient? client = null) =>
        TestInputs.CreateManifestDatasetAsync(client ?? Client, items, languagesHeader);

    public Task<Guid> CreateDatasetAsync(string csvManifest, string name = "test", HttpClient? client = null) =>
        TestInputs.CreateDatasetAsync(client ?? Client, csvManifest, name);

    public Task<Guid> RegisterCheckpointAsync(string task = "ImageToText", HttpClient? client = null) =>
        TestInputs.RegisterCheckpointAsync(client ?? Client, task);

    public async Task<Guid> CreateCaptionJobAsync(Guid dataset, Guid checkpoint, string[] languages, int batchSize = 64, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/jobs/captions")
        {
            Content = JsonContent.Create(new { datasetId = dataset, checkpointId = checkpoint, languages, batchSize }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        var response = await Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
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
        if (production is not null)
        {
            await production.DisposeAsync();
        }
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}
