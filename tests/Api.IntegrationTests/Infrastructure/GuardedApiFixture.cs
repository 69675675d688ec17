namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A second Api, on a database of its own, with the production default: webhooks may not reach loopback or private
/// addresses. Used inside the stack collection, so it never runs beside the other Api (they share the broker's queues).
/// </summary>
public sealed class GuardedApiFixture : IAsyncLifetime
{
    private ApiFactory? factory;

    public TestDatabase Database { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("api_guarded_tests");
        factory = new ApiFactory(Database.ConnectionString, $"api-guarded-tests-{Guid.NewGuid():N}")
        {
            Settings = new Dictionary<string, string> { ["Webhooks:RetrySchedule"] = StackFixture.RetrySchedule },
        };
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
