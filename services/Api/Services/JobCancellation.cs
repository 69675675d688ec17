using Platform.Api.Webhooks;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// Cancels a job that has not finished: its unfinished batches are not worked on any more, and its webhook
/// deliveries are enqueued in the same transaction.
/// </summary>
internal sealed class JobCancellation(EnlistedConnections connections, WebhookDispatcher webhooks, ILogger<JobCancellation> logger)
{
    /// <returns>False when the job had already finished or is not the tenant's.</returns>
    public async Task<bool> CancelAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        using var scope = AmbientTransaction.Begin();
        var cancelled = await CancelJobAsync(tenantId, jobId, cancellationToken);
        if (cancelled)
        {
            await webhooks.EnqueueAsync(jobId, cancellationToken);
        }
        scope.Complete();
        if (cancelled)
        {
            logger.LogInformation("Job {JobId} cancelled", jobId);
        }
        return cancelled;
    }

    private async Task<bool> CancelJobAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var cancelled = await connection.ExecuteAsync(
            "UPDATE jobs SET status = 'Cancelled', completed_at = now() WHERE id = @job AND tenant_id = @tenant AND status IN ('Pending', 'Running')",
            cancellationToken, ("job", jobId), ("tenant", tenantId));
        if (cancelled == 1)
        {
            await connection.ExecuteAsync(
                "UPDATE batches SET state = 'Cancelled', settled_at = now(), leased_until = NULL WHERE job_id = @job AND state IN ('Pending', 'Dispatched', 'Running')",
                cancellationToken, ("job", jobId));
        }
        return cancelled == 1;
    }
}
