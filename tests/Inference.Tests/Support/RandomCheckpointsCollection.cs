namespace Platform.Inference.Tests.Support;

[CollectionDefinition(Name)]
public sealed class RandomCheckpointsCollection : ICollectionFixture<RandomCheckpoints>
{
    public const string Name = "random checkpoints";
}
