using Npgsql;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>Fails every item of a batch that kept losing its worker, so that no item is silently dropped.</summary>
internal sealed class BatchAbandonment(NpgsqlDataSource dataSource, JobProgress progress, ILogger<BatchAbandonment> logger)
{
    public async Task AbandonAsync(Guid jobId, int batchIndex, int attempts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            INSERT INTO item_failures (job_id, ordinal, language, item_key, reason, detail, created_at)
            SELECT @job, i.ordinal, '', i.key, 'abandoned', @detail, now()
            FROM batches b
            JOIN jobs j ON j.id = b.job_id
            JOIN dataset_items i ON i.dataset_id = j.dataset_id AND i.ordinal >= b.first_ordinal AND i.ordinal < b.end_ordinal
            WHERE b.job_id = @job AND b.index = @index
              AND NOT EXISTS (SELECT 1 FROM results r WHERE r.job_id = @job AND r.ordinal = i.ordinal)
            ON CONFLICT DO NOTHING
            """,
            ("job", jobId), ("index", batchIndex), ("detail", $"No worker finished this item's batch after {attempts} attempts"));
        await command.ExecuteNonQueryAsync(cancellationToken);
        var counts = connection.CreateCommand(
            """
            SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM results r WHERE r.job_id = @job AND r.ordinal = i.ordinal)),
                   count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM results r WHERE r.job_id = @job AND r.ordinal = i.ordinal))
            FROM batches b JOIN jobs j ON j.id = b.job_id
            JOIN dataset_items i ON i.dataset_id = j.dataset_id AND i.ordinal >= b.first_ordinal AND i.ordinal < b.end_ordinal
            WHERE b.job_id = @job AND b.index = @index
            """,
            ("job", jobId), ("index", batchIndex));
        await using (counts)
        await using (var reader = await counts.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var succeeded = (int)reader.GetInt64(0);
            var failed = (int)reader.GetInt64(1);
            await reader.CloseAsync();
            logger.LogWarning("Batch {BatchIndex} of job {JobId} abandoned after {Attempts} attempts", batchIndex, jobId, attempts);
            await progress.RecordBatchAsync(jobId, batchIndex, succeeded, failed, "Abandoned", cancellationToken);
        }
    }
}
