using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Data.Bulk;
using Platform.Data.Ledger;
using Platform.Workers.Checkpoints;
using Platform.Workers.Options;
using Platform.Workers.Telemetry;

namespace Platform.Workers.Batches;

/// <summary>
/// The worker side of a batch: lease it (nothing to do when it is settled or its job cancelled), work, write results
/// and failures idempotently, then publish <see cref="BatchCompleted"/>. A redelivered batch rewrites nothing.
/// A worker that stops mid-batch lets the cancellation through, so the delivery goes back to the queue unacknowledged.
/// </summary>
public sealed class BatchProtocol(
    BatchClaims claims, ResultWriter writer, WorkerMetrics metrics, TimeProvider clock, IOptions<WorkerOptions> options, ILogger<BatchProtocol> logger)
{
    public async Task RunAsync(ConsumeContext context, BatchRequest batch, Func<BatchOutcome, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(work);
        var (kind, jobId, batchIndex, items, languages) = batch;
        if (options.Value.NoOpInference)
        {
            work = (outcome, _) => NoOpWork.FillAsync(outcome, items, languages);
        }
        var cancellationToken = context.CancellationToken;
        using var scope = logger.BeginScope(new BatchLogScope(jobId, batchIndex));
        // Retries of the same delivery would count its wait again.
        TimeSpan? lag = context.GetRetryAttempt() == 0 && context.SentTime is { } sent ? clock.GetUtcNow().UtcDateTime - sent : null;
        metrics.Started(kind, lag);
        var ending = BatchOutcomes.Faulted;
        try
        {
            ending = await ClaimAndWorkAsync(context, kind, jobId, batchIndex, items, work, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ending = BatchOutcomes.Returned;
            logger.LogWarning("Batch {BatchIndex} of job {JobId} goes back to the queue unfinished: this worker is stopping", batchIndex, jobId);
            throw;
        }
        finally
        {
            metrics.Ended(kind, ending);
        }
    }

    private async Task<string> ClaimAndWorkAsync(
        ConsumeContext context, string kind, Guid jobId, int batchIndex, IReadOnlyList<WorkItem> items,
        Func<BatchOutcome, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (!await claims.TryClaimAsync(jobId, batchIndex, options.Value.Lease, cancellationToken))
        {
            logger.LogInformation("Batch {BatchIndex} of job {JobId} is settled or cancelled; nothing to do", batchIndex, jobId);
            return BatchOutcomes.Skipped;
        }
        var started = clock.GetTimestamp();
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
        var (results, failures) = (outcome.Results, outcome.Failures);
        await writer.WriteAsync(jobId, results, failures, cancellationToken);
        var (succeeded, failed) = outcome.Count(items);
        // Counted once stored, before the event: a client that sees the job settle finds these counters already there.
        metrics.Completed(kind, clock.GetElapsedTime(started), results, failures);
        await context.Publish(new BatchCompleted(jobId, batchIndex, succeeded, failed, failures), cancellationToken);
        logger.LogInformation(
            "Batch {BatchIndex} of job {JobId} done: {Succeeded} items succeeded, {Failed} failed", batchIndex, jobId, succeeded, failed);
        return BatchOutcomes.Completed;
    }
}
