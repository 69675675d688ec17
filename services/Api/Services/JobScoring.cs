using Npgsql;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// Settles a job with a scoring step when its scores are stored, once: a duplicated event, or one for a job that
/// was cancelled meanwhile, finds it no longer waiting and changes nothing. A scoring error fails the job, except a
/// translation's: its translations stand, and the error is kept on the job. The job's parent settles with its last child.
/// </summary>
internal sealed class JobScoring(NpgsqlDataSource dataSource, ILogger<JobScoring> logger)
{
    public async Task SettleAsync(Guid jobId, int metricRows, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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
            logger.LogInformation("Job {JobId} was not waiting for scores; event ignored", jobId);
            return;
        }
        var parentStatus = await JobFamily.SettleParentAsync(connection, jobId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Job {JobId} scored ({MetricRows} metric rows) and settled as {Status}", jobId, metricRows, status);
        if (parentStatus is not null)
        {
            logger.LogInformation("Parent of job {JobId} settled as {Status}", jobId, parentStatus);
        }
    }
}
