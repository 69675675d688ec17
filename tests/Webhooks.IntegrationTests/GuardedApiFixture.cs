namespace Platform.Webhooks.IntegrationTests;

/// <summary>The Api on a database of its own, with the production default: webhooks may not reach loopback or private addresses.</summary>
public sealed class GuardedApiFixture : IAsyncLifetime
{
    private ApiFactory? factory;

    public TestDatabase Database { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("webhooks_tests");
        factory = new ApiFactory(Database.ConnectionString, $"webhooks-tests-{Guid.NewGuid():N}", settings: new Dictionary<string, string> { ["Webhooks:RetrySchedule"] = "0s,1s,1s" });
        Client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}
