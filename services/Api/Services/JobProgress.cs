using Hangfire;
using Platform.Api.Jobs;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// Advances a job's counters as its batches settle, exactly once per batch (a duplicated event finds the
/// batch already settled and changes nothing), and settles the job when its last batch does. An evaluation job
/// (or a translation over references) is not settled then but moves on to scoring: it stays Running and its scoring
/// request is enqueued through Hangfire in the same transaction, so the request exists exactly when the last batch's
/// settlement does. A job that settles gets its exports and webhook deliveries (<see cref="JobCompletion"/>) in that
/// transaction too.
/// </summary>
internal sealed class JobProgress(EnlistedConnections connections, IBackgroundJobClient backgroundJobs, JobCompletion completion, ILogger<JobProgress> logger)
{
    public async Task RecordBatchAsync(Guid jobId, int batchIndex, int itemsSucceeded, int itemsFailed, string finalState, CancellationToken cancellationToken)
    {
        using var scope = AmbientTransaction.Begin();
        var outcome = await SettleBatchAsync(jobId, batchIndex, itemsSucceeded, itemsFailed, finalState, cancellationToken);
        if (outcome == "Scoring")
        {
            backgroundJobs.Enqueue<ScoreRequestJob>(job => job.RunAsync(jobId, CancellationToken.None));
        }
        else if (outcome is not null)
        {
            await completion.EnqueueAsync(jobId, cancellationToken);
        }
        scope.Complete();
        if (outcome is not null)
        {
            logger.LogInformation("Job {JobId} moved to {Status}", jobId, outcome);
        }
    }

    /// <returns>The job's new status (Scoring for a job with a scoring step whose generation is done), or null if it goes on.</returns>
    private async Task<string?> SettleBatchAsync(Guid jobId, int batchIndex, int itemsSucceeded, int itemsFailed, string finalState, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Job row first, then its batches: the order cancellation and planning take them in, so they never deadlock.
        await connection.ExecuteAsync("SELECT 1 FROM jobs WHERE id = @job FOR UPDATE", cancellationToken, ("job", jobId));
        var settled = await connection.ExecuteAsync(
            """
            UPDATE batches SET state = @state, items_succeeded = @succeeded, items_failed = @failed, settled_at = now(), leased_until = NULL
            WHERE job_id = @job AND index = @index AND state IN ('Pending', 'Dispatched', 'Running')
            """,
            cancellationToken, ("job", jobId), ("index", batchIndex), ("state", finalState), ("succeeded", itemsSucceeded), ("failed", itemsFailed));
        if (settled == 0)
        {
            logger.LogInformation("Batch {BatchIndex} of job {JobId} was already settled; event ignored", batchIndex, jobId);
            return null;
        }
        await connection.ExecuteAsync(
            """
            UPDATE jobs SET batches_settled = batches_settled + 1, items_succeeded = items_succeeded + @succeeded, items_failed = items_failed + @failed
            WHERE id = @job
            """,
            cancellationToken, ("job", jobId), ("succeeded", itemsSucceeded), ("failed", itemsFailed));
        await using var settle = connection.CreateCommand(
            $"""
            UPDATE jobs SET
                status = CASE WHEN {JobSettlement.HasScoringStep} THEN status ELSE {JobSettlement.StatusFromCounters} END,
                completed_at = CASE WHEN {JobSettlement.HasScoringStep} THEN completed_at ELSE now() END
            WHERE id = @job AND status = 'Running' AND batches_settled = batch_count
            RETURNING CASE WHEN {JobSettlement.HasScoringStep} THEN 'Scoring' ELSE status END
            """,
            ("job", jobId));
        return await settle.ExecuteScalarAsync(cancellationToken) as string;
    }
}
