using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// Cancels a job that has not finished, with its children: their unfinished batches are not worked on any more.
/// Cancelling one child of a parent settles the parent when that was its last child still going. What follows a
/// settlement (<see cref="JobCompletion"/>) is enqueued in the same transaction, for the job and a settled parent.
/// </summary>
internal sealed class JobCancellation(EnlistedConnections connections, JobCompletion completion, ILogger<JobCancellation> logger)
{
    /// <returns>False when the job had already finished or is not the tenant's.</returns>
    public async Task<bool> CancelAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        using var scope = AmbientTransaction.Begin();
        var (cancelled, parent) = await CancelJobAsync(tenantId, jobId, cancellationToken);
        if (cancelled)
        {
            await completion.EnqueueAsync(jobId, cancellationToken);
        }
        if (parent is not null)
        {
            await completion.EnqueueAsync(parent.Id, cancellationToken);
        }
        scope.Complete();
        if (cancelled)
        {
            logger.LogInformation("Job {JobId} cancelled", jobId);
        }
        return cancelled;
    }

    private async Task<(bool Cancelled, SettledParent? Parent)> CancelJobAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await JobFamily.LockParentAsync(connection, jobId, cancellationToken);
        var cancelled = await connection.ExecuteAsync(
            "UPDATE jobs SET status = 'Cancelled', completed_at = now() WHERE id = @job AND tenant_id = @tenant AND status IN ('Pending', 'Running')",
            cancellationToken, ("job", jobId), ("tenant", tenantId));
        if (cancelled != 1)
        {
            return (false, null);
        }
        await connection.ExecuteAsync(
            "UPDATE jobs SET status = 'Cancelled', completed_at = now() WHERE parent_job_id = @job AND status IN ('Pending', 'Running')",
            cancellationToken, ("job", jobId));
        await connection.ExecuteAsync(
            """
            UPDATE batches SET state = 'Cancelled', settled_at = now(), leased_until = NULL
            WHERE job_id IN (SELECT id FROM jobs WHERE id = @job OR parent_job_id = @job) AND state IN ('Pending', 'Dispatched', 'Running')
            """,
            cancellationToken, ("job", jobId));
        return (true, await JobFamily.SettleParentAsync(connection, jobId, cancellationToken));
    }
}
