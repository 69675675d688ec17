using Npgsql;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>Cancels a job that has not finished: its unfinished batches are not worked on any more.</summary>
internal sealed class JobCancellation(NpgsqlDataSource dataSource, ILogger<JobCancellation> logger)
{
    /// <returns>False when the job had already finished or is not the tenant's.</returns>
    public async Task<bool> CancelAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cancelled = await connection.ExecuteAsync(
            "UPDATE jobs SET status = 'Cancelled', completed_at = now() WHERE id = @job AND tenant_id = @tenant AND status IN ('Pending', 'Running')",
            cancellationToken, ("job", jobId), ("tenant", tenantId));
        if (cancelled == 1)
        {
            await connection.ExecuteAsync(
                "UPDATE batches SET state = 'Cancelled', settled_at = now(), leased_until = NULL WHERE job_id = @job AND state IN ('Pending', 'Dispatched', 'Running')",
                cancellationToken, ("job", jobId));
        }
        await transaction.CommitAsync(cancellationToken);
        if (cancelled == 1)
        {
            logger.LogInformation("Job {JobId} cancelled", jobId);
        }
        return cancelled == 1;
    }
}
