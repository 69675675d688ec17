using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>One Api and one fake worker for the whole collection, on a database and container of their own.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = TestJson.Options;

    /// <summary>Six attempts over about eight seconds.</summary>
    public const string RetrySchedule = "0s,1s,1s,2s,2s,2s";

    private ApiFactory? factory;
    private WebApplication? evalWorker;

    public TestDatabase Database { get; private set; } = null!;

    public FakeCaptionWorker Worker { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("api_tests");
        factory = new ApiFactory(Database.ConnectionString, $"api-tests-{Guid.NewGuid():N}")
        {
            // The test's webhook receiver listens on loopback; retries come seconds apart.
            Settings = new Dictionary<string, string>
            {
                ["Webhooks:AllowPrivateNetworks"] = "true",
                ["Webhooks:RetrySchedule"] = RetrySchedule,
            },
            TestServices = services => services.AddSingleton<IStartupFilter, TestTenantHeader>(),
        };
        Client = factory.CreateClient();
        Worker = new FakeCaptionWorker(Database.ConnectionString, StackEnvironment.RabbitMq);
        await Worker.StartAsync();
        evalWorker = await EvalWorkerHost.StartAsync(Database.ConnectionString);
    }

    public IServiceProvider Services => factory!.Services;

    /// <summary>A client acting for a new tenant of its own (see <see cref="TestTenantHeader"/>).</summary>
    public async Task<HttpClient> NewTenantClientAsync()
    {
        var tenant = Guid.NewGuid();
        await Database.CountAsync(
            "WITH added AS (INSERT INTO tenants (id, name, created_at) VALUES (@id, @name, now()) RETURNING 1) SELECT count(*) FROM added",
            ("id", tenant), ("name", $"test-{tenant:N}"));
        var client = factory!.CreateClient();
        client.DefaultRequestHeaders.Add(TestTenantHeader.Name, tenant.ToString());
        return client;
    }

    public Task<Guid> CreateManifestDatasetAsync(int items, string languagesHeader = "") => TestInputs.CreateManifestDatasetAsync(Client, items, languagesHeader);

    public Task<Guid> CreateDatasetAsync(string csvManifest) => TestInputs.CreateDatasetAsync(Client, csvManifest);

    public Task<Guid> RegisterCheckpointAsync(string task = "ImageToText") => TestInputs.RegisterCheckpointAsync(Client, task);

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
