using Platform.Inference.Checkpoints;
using Platform.Inference.Execution;
using Platform.Inference.Tests.Support;

namespace Platform.Inference.Tests.Checkpoints;

[Collection(RandomCheckpointsCollection.Name)]
public sealed class CheckpointCacheTests(RandomCheckpoints checkpoints)
{
    [Fact]
    public void A_checkpoint_is_loaded_once_per_folder_variant_and_cache_mode()
    {
        using var cache = new CheckpointCache(new SessionFactory(new ExecutionOptions { Provider = ExecutionProvider.Cpu }));

        var first = cache.Get(checkpoints.TextToText);
        var again = cache.Get(checkpoints.TextToText + "/", CheckpointOptions.Default with { });
        var uncached = cache.Get(checkpoints.TextToText, new CheckpointOptions { CacheMode = CacheMode.None });

        Assert.Same(first, again);
        Assert.NotSame(first, uncached);
        Assert.True(first.UsesCache);
        Assert.False(uncached.UsesCache);
        Assert.Equal(ExecutionProvider.Cpu, cache.Provider);
    }

    [Fact]
    public void A_cancelled_generation_throws_operation_cancelled()
    {
        using var cache = new CheckpointCache(new SessionFactory(new ExecutionOptions()));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            cache.Get(checkpoints.TextToText).GenerateFromTokens(Inputs.Sources(), [null], null, cancellation.Token));
    }

    [Fact]
    public async Task A_shared_checkpoint_generates_concurrently()
    {
        using var cache = new CheckpointCache(new SessionFactory(new ExecutionOptions()));
        var checkpoint = cache.Get(checkpoints.TextToText);
        var sources = Inputs.Sources();
        var expected = checkpoint.GenerateFromTokens(sources, [null], null, CancellationToken.None);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () => checkpoint.GenerateFromTokens(sources, [null], null, CancellationToken.None))));

        Assert.All(concurrent, actual => SequenceAssert.Same(expected, actual));
    }
}
