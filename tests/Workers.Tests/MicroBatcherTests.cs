using Microsoft.Extensions.Logging.Abstractions;
using Platform.Inference;
using Platform.Workers.Batches;
using Platform.Workers.Options;

namespace Platform.Workers.Tests;

public sealed class MicroBatcherTests
{
    private static MicroBatcher Create(int size) =>
        new(new AdaptiveBatchSize(Microsoft.Extensions.Options.Options.Create(new WorkerOptions { MicroBatchSize = size })), NullLogger<MicroBatcher>.Instance);

    [Fact]
    public void Out_of_memory_halves_the_micro_batch_and_every_item_is_still_run_exactly_once()
    {
        var batcher = Create(16);
        var done = new List<int>();
        var attempts = new List<int>();

        batcher.Run(Enumerable.Range(0, 37).ToList(), slice =>
        {
            attempts.Add(slice.Count);
            if (slice.Count > 5)
            {
                throw new InferenceOutOfMemoryException("Failed to allocate memory", new InvalidOperationException("BFCArena"));
            }
            done.AddRange(slice);
        }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 37), done);
        Assert.Equal([16, 8, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1], attempts);
        Assert.Equal(4, batcher.Size);
    }

    [Fact]
    public void The_smaller_size_is_kept_for_later_batches()
    {
        var batcher = Create(8);
        batcher.Run([1, 2, 3, 4, 5, 6, 7, 8], slice =>
        {
            if (slice.Count > 2)
            {
                throw new InferenceOutOfMemoryException("oom", new InvalidOperationException());
            }
        }, CancellationToken.None);
        var later = new List<int>();

        batcher.Run([1, 2, 3, 4, 5], slice => later.Add(slice.Count), CancellationToken.None);

        Assert.Equal([2, 2, 1], later);
    }

    [Fact]
    public void A_single_item_that_does_not_fit_is_rethrown_so_the_batch_is_redelivered()
    {
        var batcher = Create(4);

        Assert.Throws<InferenceOutOfMemoryException>(() => batcher.Run([1, 2, 3], _ =>
            throw new InferenceOutOfMemoryException("oom", new InvalidOperationException()), CancellationToken.None));
        Assert.Equal(1, batcher.Size);
    }
}
