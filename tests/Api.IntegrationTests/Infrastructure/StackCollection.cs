namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>Tests sharing one Api and worker run one at a time; each creates the datasets and jobs it checks.</summary>
[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "stack";
}
