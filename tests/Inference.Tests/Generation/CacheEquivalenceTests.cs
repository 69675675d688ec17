using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Inference.Tests.Support;

namespace Platform.Inference.Tests.Generation;

[Collection(RandomCheckpointsCollection.Name)]
public sealed class CacheEquivalenceTests(RandomCheckpoints checkpoints)
{
    private static readonly CacheMode[] CachedModes = [CacheMode.WithPast, CacheMode.Merged];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Image_to_text_tokens_are_identical_with_and_without_the_cache(int beams)
    {
        var pixels = Inputs.Pixels(3, RandomCheckpoints.ImageSpec.ImageSize);
        var options = new GenerationOptions { NumBeams = beams, NumReturnSequences = beams };
        IReadOnlyList<GeneratedSequence[]> Run(CacheMode mode)
        {
            using var checkpoint = Checkpoint.Load(checkpoints.ImageToText, new CheckpointOptions { CacheMode = mode });
            Assert.Equal(mode != CacheMode.None, checkpoint.UsesCache);
            return checkpoint.GenerateFromPixels(pixels, [null], options, CancellationToken.None);
        }

        var recomputed = Run(CacheMode.None);

        Assert.All(recomputed, result => Assert.True(result[0].TokenIds.Count > 2));
        foreach (var mode in CachedModes)
        {
            SequenceAssert.Same(recomputed, Run(mode));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Text_to_text_tokens_are_identical_with_and_without_the_cache(int beams)
    {
        var options = new GenerationOptions { NumBeams = beams };
        IReadOnlyList<GeneratedSequence[]> Run(CacheMode mode)
        {
            using var checkpoint = Checkpoint.Load(checkpoints.TextToText, new CheckpointOptions { CacheMode = mode });
            return checkpoint.GenerateFromTokens(Inputs.Sources(), [null], options, CancellationToken.None);
        }

        var recomputed = Run(CacheMode.None);

        foreach (var mode in CachedModes)
        {
            SequenceAssert.Same(recomputed, Run(mode));
        }
    }
}
