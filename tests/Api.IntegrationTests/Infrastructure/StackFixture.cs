using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.ApiKeys;
using Platform.Data.Entities;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>One Api and one fake worker for the whole collection, on a database and container of their own.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private ApiFactory? factory;
    private ApiFactory? production;
    private WebApplication? evalWorker;

    public TestDatabase Database { get; private set; } = null!;

    public FakeCaptionWorker Worker { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The blob container the Api stores uploads in.</summary>
    public string Container { get; } = $"api-tests-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("api_tests");
        factory = new ApiFactory(Database.ConnectionString, Container);
        Client = factory.CreateClient();
        Worker = new FakeCaptionWorker(Database.ConnectionString, StackEnvironment.RabbitMq);
        await Worker.StartAsync();
        evalWorker = await EvalWorkerHost.StartAsync(Database.ConnectionString);
    }

    public IServiceProvider Services => factory!.Services;

    /// <summary>
    /// A second Api on the same database and container, as Production runs it: every /v1 request needs a key, the rate
    /// limit is small (<see cref="ProductionSettings"/>) and the dashboard needs its credentials. Started on first use.
    /// </summary>
    public ApiFactory Production => production ??= new ApiFactory(Database.ConnectionString, Container, "Production", ProductionSettings);

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

    public async Task<Guid> CreateManifestDatasetAsync(int items, string languagesHeader = "", HttpClient? client = null)
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
        return await CreateDatasetAsync(csv.ToString(), client);
    }

    public async Task<Guid> CreateDatasetAsync(string csvManifest, HttpClient? client = null)
    {
        var response = await (client ?? Client).PostAsync("/v1/datasets?name=test", new StringContent(csvManifest, Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    public async Task<Guid> RegisterCheckpointAsync(string task = "ImageToText", HttpClient? client = null)
    {
        var content = new ByteArrayContent(CheckpointArchives.For(task));
        content.Headers.ContentType = new("application/zip");
        var response = await (client ?? Client).PostAsync($"/v1/checkpoints?name=test-model&task={task}", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
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
