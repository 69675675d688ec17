using Npgsql;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// Cancels a job that has not finished, with its children: their unfinished batches are not worked on any more.
/// Cancelling one child of a parent settles the parent when that was its last child still going.
/// </summary>
internal sealed class JobCancellation(NpgsqlDataSource dataSource, ILogger<JobCancellation> logger)
{
    /// <returns>False when the job had already finished.</returns>
    public async Task<bool> CancelAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await JobFamily.LockParentAsync(connection, jobId, cancellationToken);
        var cancelled = await connection.ExecuteAsync(
            "UPDATE jobs SET status = 'Cancelled', completed_at = now() WHERE id = @job AND status IN ('Pending', 'Running')",
            cancellationToken, ("job", jobId));
        if (cancelled == 1)
        {
            await connection.ExecuteAsync(
                "UPDATE jobs SET status = 'Cancelled', completed_at = now() WHERE parent_job_id = @job AND status IN ('Pending', 'Running')",
                cancellationToken, ("job", jobId));
            await connection.ExecuteAsync(
                """
                UPDATE batches SET state = 'Cancelled', settled_at = now(), leased_until = NULL
                WHERE job_id IN (SELECT id FROM jobs WHERE id = @job OR parent_job_id = @job) AND state IN ('Pending', 'Dispatched', 'Running')
                """,
                cancellationToken, ("job", jobId));
            await JobFamily.SettleParentAsync(connection, jobId, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (cancelled == 1)
        {
            logger.LogInformation("Job {JobId} cancelled", jobId);
        }
        return cancelled == 1;
    }
}
