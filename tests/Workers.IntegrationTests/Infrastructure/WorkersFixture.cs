using System.Globalization;
namespace Platform.Workers.IntegrationTests.Infrastructure;

/// <summary>
/// The real Api in process and the real CaptionWorker and TranslateWorker as processes, on a database, blob container
/// and checkpoint cache of their own, plus an HTTP server on 127.0.0.1 for URL datasets (so private networks are allowed).
/// </summary>
public sealed class WorkersFixture : IAsyncLifetime
{
    /// <summary>Room for an archive of a few thousand small images.</summary>
    private const long MaxUploadBytes = 16 << 20;

    private readonly string cacheDirectory = Path.Combine(Path.GetTempPath(), $"workers-tests-{Guid.NewGuid():N}");
    private ApiFactory? api;
    private HttpClient? http;
    private Dictionary<string, string> settings = [];
    private bool captionerCustomised;

    public TestDatabase Database { get; private set; } = null!;

    public PlatformClient Api { get; private set; } = null!;

    public ImageServer Images { get; private set; } = null!;

    public WorkerProcess Captioner { get; private set; } = null!;

    public WorkerProcess Translator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("workers_tests");
        api = new ApiFactory(
            Database.ConnectionString, $"workers-tests-{Guid.NewGuid():N}",
            settings: new Dictionary<string, string> { ["Uploads:MaxUploadBytes"] = MaxUploadBytes.ToString(CultureInfo.InvariantCulture) });
        http = api.CreateClient();
        // Uploading thousands of images takes longer than HttpClient's default 100 s on a loaded machine.
        http.Timeout = TimeSpan.FromMinutes(5);
        Api = new PlatformClient(http);
        Images = await ImageServer.StartAsync();
        settings = new Dictionary<string, string>
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
            ["Logging:LogLevel:Platform.Workers.Batches"] = "Information",
        };
        var captioner = WorkerProcess.StartAsync("CaptionWorker", settings);
        var translator = WorkerProcess.StartAsync("TranslateWorker", settings);
        Captioner = await captioner;
        Translator = await translator;
    }

    /// <summary>
    /// Stops the captioner (SIGTERM; it finishes or returns its batch) and starts another, with <paramref name="overrides"/>
    /// on top of the fixture's settings; it becomes <see cref="Captioner"/>.
    /// </summary>
    public async Task<WorkerProcess> ReplaceCaptionerAsync(params (string Key, string Value)[] overrides)
    {
        await Captioner.StopAsync(TimeSpan.FromSeconds(60));
        await Captioner.DisposeAsync();
        var custom = new Dictionary<string, string>(settings);
        foreach (var (key, value) in overrides)
        {
            custom[key] = value;
        }
        Captioner = await WorkerProcess.StartAsync("CaptionWorker", custom);
        captionerCustomised = overrides.Length > 0;
        return Captioner;
    }

    /// <summary>Puts a captioner with the fixture's settings back, for the tests that follow one that customised it.</summary>
    public async Task RestoreCaptionerAsync()
    {
        if (captionerCustomised || Captioner.HasExited)
        {
            await ReplaceCaptionerAsync();
        }
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
