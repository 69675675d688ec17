namespace Platform.Workers.IntegrationTests.Infrastructure;

/// <summary>Tests sharing the Api, the workers and the queues run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class WorkersCollection : ICollectionFixture<WorkersFixture>
{
    public const string Name = "workers";
}
