using Npgsql;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// Advances a job's counters as its batches settle, exactly once per batch (a duplicated event finds the
/// batch already settled and changes nothing), and settles the job when its last batch does.
/// </summary>
internal sealed class JobProgress(NpgsqlDataSource dataSource, ILogger<JobProgress> logger)
{
    public async Task RecordBatchAsync(Guid jobId, int batchIndex, int itemsSucceeded, int itemsFailed, string finalState, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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
            return;
        }
        await connection.ExecuteAsync(
            """
            UPDATE jobs SET batches_settled = batches_settled + 1, items_succeeded = items_succeeded + @succeeded, items_failed = items_failed + @failed
            WHERE id = @job
            """,
            cancellationToken, ("job", jobId), ("succeeded", itemsSucceeded), ("failed", itemsFailed));
        await using var settle = connection.CreateCommand(
            """
            UPDATE jobs SET completed_at = now(), status = CASE
                WHEN items_failed = 0 THEN 'Succeeded'
                WHEN items_succeeded = 0 THEN 'Failed'
                ELSE 'CompletedWithErrors' END
            WHERE id = @job AND status = 'Running' AND batches_settled = batch_count
            RETURNING status
            """,
            ("job", jobId));
        var status = await settle.ExecuteScalarAsync(cancellationToken) as string;
        await transaction.CommitAsync(cancellationToken);
        if (status is not null)
        {
            logger.LogInformation("Job {JobId} settled as {Status}", jobId, status);
        }
    }
}
