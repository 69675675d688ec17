using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// Settles an evaluation job when its scores are stored, once: a duplicated event, or one for a job that was
/// cancelled meanwhile, finds it no longer waiting and changes nothing. Its exports and webhook deliveries are
/// enqueued in the same transaction.
/// </summary>
internal sealed class JobScoring(EnlistedConnections connections, JobCompletion completion, ILogger<JobScoring> logger)
{
    public async Task SettleAsync(Guid jobId, int metricRows, string? error, CancellationToken cancellationToken)
    {
        using var scope = AmbientTransaction.Begin();
        var status = await SettleJobAsync(jobId, error, cancellationToken);
        if (status is not null)
        {
            await completion.EnqueueAsync(jobId, cancellationToken);
        }
        scope.Complete();
        if (status is not null)
        {
            logger.LogInformation("Job {JobId} scored ({MetricRows} metric rows) and settled as {Status}", jobId, metricRows, status);
        }
        else
        {
            logger.LogInformation("Job {JobId} was not waiting for scores; event ignored", jobId);
        }
    }

    private async Task<string?> SettleJobAsync(Guid jobId, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var settle = connection.CreateCommand(
            $"""
            UPDATE jobs SET completed_at = now(), error = coalesce(@error, error),
                status = CASE WHEN @error IS NOT NULL THEN 'Failed' ELSE {JobSettlement.StatusFromCounters} END
            WHERE id = @job AND kind = 'Evaluations' AND status = 'Running' AND batches_settled = batch_count
            RETURNING status
            """,
            ("job", jobId), ("error", error));
        return await settle.ExecuteScalarAsync(cancellationToken) as string;
    }
}
