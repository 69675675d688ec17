namespace Platform.Workers.IntegrationTests.Infrastructure;

/// <summary>
/// The real Api in process and the real CaptionWorker and TranslateWorker as processes, on a database, blob container
/// and checkpoint cache of their own, plus an HTTP server on 127.0.0.1 for URL datasets (so private networks are allowed).
/// </summary>
public sealed class WorkersFixture : IAsyncLifetime
{
    private readonly string cacheDirectory = Path.Combine(Path.GetTempPath(), $"workers-tests-{Guid.NewGuid():N}");
    private ApiFactory? api;
    private HttpClient? http;

    public TestDatabase Database { get; private set; } = null!;

    public PlatformClient Api { get; private set; } = null!;

    public ImageServer Images { get; private set; } = null!;

    public WorkerProcess Captioner { get; private set; } = null!;

    public WorkerProcess Translator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("workers_tests");
        api = new ApiFactory(Database.ConnectionString, $"workers-tests-{Guid.NewGuid():N}");
        http = api.CreateClient();
        Api = new PlatformClient(http);
        Images = await ImageServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = Database.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = StackEnvironment.RabbitMq,
            ["ConnectionStrings:Blobs"] = StackEnvironment.Blobs,
            ["Fetching:AllowPrivateNetworks"] = "true",
            ["Fetching:AttemptTimeout"] = "00:00:01",
            ["Fetching:MaxRetries"] = "2",
            ["Fetching:RetryDelay"] = "00:00:00.050",
            ["CheckpointCache:Directory"] = cacheDirectory,
            ["Worker:MicroBatchSize"] = "16",
            ["Messaging:StopTimeoutSeconds"] = "10",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var captioner = WorkerProcess.StartAsync("CaptionWorker", settings);
        var translator = WorkerProcess.StartAsync("TranslateWorker", settings);
        Captioner = await captioner;
        Translator = await translator;
    }

    public async Task DisposeAsync()
    {
        await Captioner.DisposeAsync();
        await Translator.DisposeAsync();
        await Images.DisposeAsync();
        http?.Dispose();
        if (api is not null)
        {
            await api.DisposeAsync();
        }
        await Database.DisposeAsync();
        if (Directory.Exists(cacheDirectory))
        {
            Directory.Delete(cacheDirectory, recursive: true);
        }
    }
}
