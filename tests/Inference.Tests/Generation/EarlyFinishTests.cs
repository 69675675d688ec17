using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Inference.Tests.Support;

namespace Platform.Inference.Tests.Generation;

/// <summary>Items that finish early leave the batch: the others must not notice, with or without the cache.</summary>
[Collection(RandomCheckpointsCollection.Name)]
public sealed class EarlyFinishTests(RandomCheckpoints checkpoints) : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly PixelBatch pixels = Inputs.Pixels(5, RandomCheckpoints.ImageSpec.ImageSize);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Early_finishing_items_leave_the_others_unchanged_in_every_cache_mode(int beams)
    {
        var eos = EosCheckpoint.Write(directory, checkpoints.ImageToText, pixels);
        var options = new GenerationOptions { NumBeams = beams, NumReturnSequences = beams };
        IReadOnlyList<GeneratedSequence[]>? reference = null;
        foreach (var mode in new[] { CacheMode.None, CacheMode.WithPast, CacheMode.Merged })
        {
            using var checkpoint = Checkpoint.Load(eos.Directory, new CheckpointOptions { CacheMode = mode });
            var batched = checkpoint.GenerateFromPixels(pixels, [null, 7], options, CancellationToken.None);
            var alone = Enumerable.Range(0, pixels.Count)
                .SelectMany(i => checkpoint.GenerateFromPixels(Inputs.Slice(pixels, i), [null, 7], options, CancellationToken.None))
                .ToList();

            var lengths = batched.Select(result => result[0].TokenIds.Count).ToList();
            Assert.True(lengths.Min() < lengths.Max(), string.Join(",", lengths));
            SequenceAssert.Same(alone, batched);
            SequenceAssert.Same(reference ??= batched, batched);
        }
    }

    public void Dispose() => directory.Dispose();
}
