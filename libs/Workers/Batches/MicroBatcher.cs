using Microsoft.Extensions.Logging;
using Platform.Inference;

namespace Platform.Workers.Batches;

/// <summary>
/// Runs items through inference in micro-batches of the current size. Out of memory halves the size and retries
/// the same items, so nothing is lost; only one item that alone does not fit is rethrown (the message is redelivered).
/// One micro-batch runs at a time in the process: the runtime's threads already use every core (or the one GPU), so
/// batches worked on at once overlap their fetching, decoding and writing with each other's inference, not inference.
/// </summary>
public sealed class MicroBatcher(AdaptiveBatchSize size, ILogger<MicroBatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim inference = new(1, 1);

    public int Size => size.Current;

    public async Task RunAsync<T>(IReadOnlyList<T> items, Action<IReadOnlyList<T>> infer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(infer);
        var start = 0;
        while (start < items.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(size.Current, items.Count - start);
            await inference.WaitAsync(cancellationToken);
            try
            {
                infer([.. items.Skip(start).Take(count)]);
                start += count;
            }
            catch (InferenceOutOfMemoryException exception) when (count > 1)
            {
                var smaller = size.ShrinkBelow(count);
                logger.LogWarning(exception, "Out of memory on a micro-batch of {Count}; retrying its items {Smaller} at a time", count, smaller);
            }
            finally
            {
                inference.Release();
            }
        }
    }

    public void Dispose() => inference.Dispose();
}
