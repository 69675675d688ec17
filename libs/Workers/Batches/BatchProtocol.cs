using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Data.Bulk;
using Platform.Data.Ledger;
using Platform.Workers.Checkpoints;
using Platform.Workers.Options;

namespace Platform.Workers.Batches;

/// <summary>
/// The worker side of a batch: lease it (nothing to do when it is settled or its job cancelled), work, write results
/// and failures idempotently, then publish <see cref="BatchCompleted"/>. A redelivered batch rewrites nothing.
/// </summary>
public sealed class BatchProtocol(BatchClaims claims, ResultWriter writer, IOptions<WorkerOptions> options, ILogger<BatchProtocol> logger)
{
    public async Task RunAsync(
        ConsumeContext context, Guid jobId, int batchIndex, IReadOnlyList<WorkItem> items,
        Func<BatchOutcome, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        var cancellationToken = context.CancellationToken;
        if (!await claims.TryClaimAsync(jobId, batchIndex, options.Value.Lease, cancellationToken))
        {
            logger.LogInformation("Batch {BatchIndex} of job {JobId} is settled or cancelled; nothing to do", batchIndex, jobId);
            return;
        }
        var outcome = new BatchOutcome();
        try
        {
            await work(outcome, cancellationToken);
        }
        catch (CheckpointUnavailableException exception)
        {
            logger.LogError(exception, "Batch {BatchIndex} of job {JobId} fails whole: its checkpoint is unavailable", batchIndex, jobId);
            outcome = new BatchOutcome();
            foreach (var item in items)
            {
                outcome.Fail(item, null, ItemFailureReasons.CheckpointUnavailable, exception.Message);
            }
        }
        await writer.WriteAsync(jobId, outcome.Results, outcome.Failures, cancellationToken);
        var (succeeded, failed) = outcome.Count(items);
        await context.Publish(new BatchCompleted(jobId, batchIndex, succeeded, failed, outcome.Failures), cancellationToken);
        logger.LogInformation(
            "Batch {BatchIndex} of job {JobId} done: {Succeeded} items succeeded, {Failed} failed", batchIndex, jobId, succeeded, failed);
    }
}
