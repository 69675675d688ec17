using Npgsql;

namespace Platform.EvalWorker.Services;

/// <summary>
/// Stores a job's score rows in one transaction. A repeated scoring request rewrites the same rows (the unique
/// key is job, checkpoint, language, metric), so redelivery never duplicates them.
/// </summary>
internal sealed class MetricRowWriter(NpgsqlDataSource dataSource)
{
    private const string Upsert =
        """
        INSERT INTO metrics (id, job_id, checkpoint_id, language, metric, score, signature, statistics, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, now())
        ON CONFLICT (job_id, checkpoint_id, language, metric)
        DO UPDATE SET score = excluded.score, signature = excluded.signature, statistics = excluded.statistics, created_at = excluded.created_at
        """;

    public async Task WriteAsync(Guid jobId, Guid? checkpointId, IReadOnlyList<MetricRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(Upsert);
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            command.Parameters.Add(new NpgsqlParameter { Value = jobId });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)checkpointId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Language });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Metric });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Score });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.Signature ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Statistics });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
