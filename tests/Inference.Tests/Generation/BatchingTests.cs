using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Inference.Tests.Support;

namespace Platform.Inference.Tests.Generation;

[Collection(RandomCheckpointsCollection.Name)]
public sealed class BatchingTests(RandomCheckpoints checkpoints)
{
    private static readonly int?[] TwoTargets = [null, 9];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_batch_of_images_gives_what_one_at_a_time_gives(int beams)
    {
        using var checkpoint = Checkpoint.Load(checkpoints.ImageToText);
        var pixels = Inputs.Pixels(4, RandomCheckpoints.ImageSpec.ImageSize, seed: 5);
        var options = new GenerationOptions { NumBeams = beams };

        var batched = checkpoint.GenerateFromPixels(pixels, TwoTargets, options, CancellationToken.None);
        var alone = Enumerable.Range(0, pixels.Count)
            .SelectMany(i => checkpoint.GenerateFromPixels(Inputs.Slice(pixels, i), TwoTargets, options, CancellationToken.None))
            .ToList();

        SequenceAssert.Same(alone, batched);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_padded_batch_of_sentences_gives_what_one_at_a_time_gives(int beams)
    {
        using var checkpoint = Checkpoint.Load(checkpoints.TextToText);
        var sources = Inputs.Sources();
        var options = new GenerationOptions { NumBeams = beams };

        var batched = checkpoint.GenerateFromTokens(sources, TwoTargets, options, CancellationToken.None);
        var alone = sources
            .SelectMany(source => checkpoint.GenerateFromTokens([source], TwoTargets, options, CancellationToken.None))
            .ToList();

        SequenceAssert.Same(alone, batched);
    }
}
