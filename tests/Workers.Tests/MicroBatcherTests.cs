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
    public async Task Out_of_memory_halves_the_micro_batch_and_every_item_is_still_run_exactly_once()
    {
        using var batcher = Create(16);
        var done = new List<int>();
        var attempts = new List<int>();

        await batcher.RunAsync(Enumerable.Range(0, 37).ToList(), slice =>
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
    public async Task The_smaller_size_is_kept_for_later_batches()
    {
        using var batcher = Create(8);
        await batcher.RunAsync([1, 2, 3, 4, 5, 6, 7, 8], slice =>
        {
            if (slice.Count > 2)
            {
                throw new InferenceOutOfMemoryException("oom", new InvalidOperationException());
            }
        }, CancellationToken.None);
        var later = new List<int>();

        await batcher.RunAsync([1, 2, 3, 4, 5], slice => later.Add(slice.Count), CancellationToken.None);

        Assert.Equal([2, 2, 1], later);
    }

    [Fact]
    public async Task A_single_item_that_does_not_fit_is_rethrown_so_the_batch_is_redelivered()
    {
        using var batcher = Create(4);

        await Assert.ThrowsAsync<InferenceOutOfMemoryException>(() => batcher.RunAsync([1, 2, 3], _ =>
            throw new InferenceOutOfMemoryException("oom", new InvalidOperationException()), CancellationToken.None));
        Assert.Equal(1, batcher.Size);
    }

    [Fact]
    public async Task Batches_worked_on_at_once_take_turns_at_inference()
    {
        using var batcher = Create(2);
        var running = 0;
        var overlaps = 0;
        var calls = 0;
        void Infer(IReadOnlyList<int> slice)
        {
            if (Interlocked.Increment(ref running) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }
            Thread.SpinWait(100_000);
            Interlocked.Increment(ref calls);
            Interlocked.Decrement(ref running);
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => batcher.RunAsync(Enumerable.Range(0, 20).ToList(), Infer, CancellationToken.None))));

        Assert.Equal(40, calls);
        Assert.Equal(0, overlaps);
    }
}
