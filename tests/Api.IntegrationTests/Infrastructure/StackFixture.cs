using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>One Api and one fake worker for the whole collection, on a database and container of their own.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private ApiFactory? factory;
    private WebApplication? evalWorker;

    public TestDatabase Database { get; private set; } = null!;

    public FakeCaptionWorker Worker { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("api_tests");
        factory = new ApiFactory(Database.ConnectionString, $"api-tests-{Guid.NewGuid():N}");
        Client = factory.CreateClient();
        Worker = new FakeCaptionWorker(Database.ConnectionString, StackEnvironment.RabbitMq);
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

    public async Task<Guid> CreateDatasetAsync(string csvManifest)
    {
        var response = await Client.PostAsync("/v1/datasets?name=test", new StringContent(csvManifest, Encoding.UTF8, "text/csv"));
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
