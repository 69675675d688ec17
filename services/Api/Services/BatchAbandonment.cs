using Npgsql;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>Fails every item of a batch that kept losing its worker, so that no item is silently dropped.</summary>
internal sealed class BatchAbandonment(NpgsqlDataSource dataSource, JobProgress progress, ILogger<BatchAbandonment> logger)
{
    // The batch's items (a retry batch names its own), each done when it has a result in every language the batch asked for.
    private static readonly string BatchItems =
        $"""
        WITH batch_items AS (
            SELECT i.ordinal, i.key, NOT EXISTS (
                SELECT 1 FROM unnest(coalesce(b.languages, ARRAY(SELECT jsonb_array_elements_text(j.parameters -> 'languages')))) AS l(language)
                WHERE NOT EXISTS (SELECT 1 FROM results r WHERE r.job_id = b.job_id AND r.ordinal = i.ordinal AND r.language = l.language)) AS done
            FROM batches b
            JOIN jobs j ON j.id = b.job_id
            {BatchItemsSql.Join("j.dataset_id")}
            WHERE b.job_id = @job AND b.index = @index)
        """;

    public async Task AbandonAsync(Guid jobId, int batchIndex, int attempts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"""
            {BatchItems}
            INSERT INTO item_failures (job_id, ordinal, language, item_key, reason, detail, created_at)
            SELECT @job, ordinal, '', key, 'abandoned', @detail, now() FROM batch_items WHERE NOT done
            ON CONFLICT DO NOTHING
            """,
            cancellationToken, ("job", jobId), ("index", batchIndex), ("detail", $"No worker finished this item's batch after {attempts} attempts"));
        await using var counts = connection.CreateCommand(
            $"{BatchItems} SELECT count(*) FILTER (WHERE done), count(*) FILTER (WHERE NOT done) FROM batch_items",
            ("job", jobId), ("index", batchIndex));
        await using var reader = await counts.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var succeeded = (int)reader.GetInt64(0);
        var failed = (int)reader.GetInt64(1);
        await reader.CloseAsync();
        logger.LogWarning("Batch {BatchIndex} of job {JobId} abandoned after {Attempts} attempts", batchIndex, jobId, attempts);
        await progress.RecordBatchAsync(jobId, batchIndex, succeeded, failed, "Abandoned", cancellationToken);
    }
}
