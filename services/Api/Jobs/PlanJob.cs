using Hangfire;
using Npgsql;
using Platform.Api.Services;
using Platform.Data;

namespace Platform.Api.Jobs;

/// <summary>
/// Cuts a job's dataset into batches (deterministic: batch k holds ordinals [k·size, (k+1)·size)) and publishes them.
/// Safe to run again after a crash: batches are recorded once, and only those not yet dispatched are published.
/// </summary>
internal sealed class PlanJob(NpgsqlDataSource dataSource, BatchPublisher publisher, ILogger<PlanJob> logger)
{
    [AutomaticRetry(Attempts = 10)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (!await RecordBatchesAsync(jobId, cancellationToken))
        {
            logger.LogInformation("Job {JobId} is no longer waiting to run; nothing to plan", jobId);
            return;
        }
        await publisher.PublishPendingAsync(jobId, cancellationToken);
    }

    private async Task<bool> RecordBatchesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A parent over several checkpoints runs from its first child's start (parent row first: the order settling takes).
        await connection.ExecuteAsync(
            """
            UPDATE jobs SET status = 'Running', started_at = coalesce(started_at, now())
            WHERE id = (SELECT parent_job_id FROM jobs WHERE id = @job) AND status = 'Pending'
            """,
            cancellationToken, ("job", jobId));
        await using var plan = connection.CreateCommand(
            """
            UPDATE jobs j SET status = 'Running', started_at = coalesce(j.started_at, now()),
                items_total = d.item_count,
                batch_count = ((d.item_count + j.batch_size - 1) / j.batch_size)::int
            FROM datasets d
            WHERE j.id = @job AND d.id = j.dataset_id AND j.status IN ('Pending', 'Running')
            RETURNING j.batch_size, d.item_count
            """,
            ("job", jobId));
        await using var reader = await plan.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }
        var batchSize = reader.GetInt32(0);
        var itemCount = reader.GetInt64(1);
        await reader.CloseAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO batches (job_id, index, first_ordinal, end_ordinal, state, attempts, items_succeeded, items_failed)
            SELECT @job, k, k::bigint * @size, least((k::bigint + 1) * @size, @count), 'Pending', 0, 0, 0
            FROM generate_series(0, ((@count + @size - 1) / @size)::int - 1) AS k
            ON CONFLICT DO NOTHING
            """,
            cancellationToken, ("job", jobId), ("size", (long)batchSize), ("count", itemCount));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
