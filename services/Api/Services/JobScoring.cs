using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// Settles a job with a scoring step when its scores are stored, once: a duplicated event, or one for a job that
/// was cancelled meanwhile, finds it no longer waiting and changes nothing. A scoring error fails the job, except a
/// translation's: its translations stand, and the error is kept on the job. The job's parent settles with its last
/// child. What follows a settlement (<see cref="JobCompletion"/>) is enqueued in the same transaction.
/// </summary>
internal sealed class JobScoring(EnlistedConnections connections, JobCompletion completion, ILogger<JobScoring> logger)
{
    public async Task SettleAsync(Guid jobId, int metricRows, string? error, CancellationToken cancellationToken)
    {
        using var scope = AmbientTransaction.Begin();
        var (status, parent) = await SettleJobAsync(jobId, error, cancellationToken);
        if (status is not null)
        {
            await completion.EnqueueAsync(jobId, cancellationToken);
        }
        if (parent is not null)
        {
            await completion.EnqueueAsync(parent.Id, cancellationToken);
        }
        scope.Complete();
        if (status is null)
        {
            logger.LogInformation("Job {JobId} was not waiting for scores; event ignored", jobId);
            return;
        }
        logger.LogInformation("Job {JobId} scored ({MetricRows} metric rows) and settled as {Status}", jobId, metricRows, status);
        if (parent is not null)
        {
            logger.LogInformation("Parent {ParentJobId} of job {JobId} settled as {Status}", parent.Id, jobId, parent.Status);
        }
    }

    private async Task<(string? Status, SettledParent? Parent)> SettleJobAsync(Guid jobId, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await JobFamily.LockParentAsync(connection, jobId, cancellationToken);
        await using var settle = connection.CreateCommand(
            $"""
            UPDATE jobs SET completed_at = now(), error = coalesce(@error, error),
                items_succeeded = CASE WHEN kind = 'Scoring' AND @error IS NULL THEN items_total ELSE items_succeeded END,
                status = CASE WHEN @error IS NOT NULL AND kind <> 'Translations' THEN 'Failed' ELSE {JobSettlement.StatusFromCounters} END
            WHERE id = @job AND {JobSettlement.HasScoringStep} AND status = 'Running' AND batches_settled = batch_count
            RETURNING status
            """,
            ("job", jobId), ("error", error));
        if (await settle.ExecuteScalarAsync(cancellationToken) is not string status)
        {
            return (null, null);
        }
        return (status, await JobFamily.SettleParentAsync(connection, jobId, cancellationToken));
    }
}
