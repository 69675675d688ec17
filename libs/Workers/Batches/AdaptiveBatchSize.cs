using Microsoft.Extensions.Options;
using Platform.Workers.Options;

namespace Platform.Workers.Batches;

/// <summary>The micro-batch size this process uses; it only shrinks, after the runtime ran out of memory.</summary>
public sealed class AdaptiveBatchSize(IOptions<WorkerOptions> options)
{
    private int current = options.Value.MicroBatchSize;

    public int Current => Volatile.Read(ref current);

    /// <summary>Halves below the size that failed (never under 1) and returns the new size.</summary>
    public int ShrinkBelow(int failedSize)
    {
        var halved = Math.Max(1, failedSize / 2);
        int seen;
        do
        {
            seen = Volatile.Read(ref current);
            if (seen <= halved)
            {
                return seen;
            }
        }
        while (Interlocked.CompareExchange(ref current, halved, seen) != seen);
        return halved;
    }
}
