using Npgsql;
using NpgsqlTypes;
using Platform.Contracts;

namespace Platform.Data.Bulk;

/// <summary>
/// Writes a batch's results and failures with binary COPY into staging tables, then one
/// <c>INSERT … ON CONFLICT DO NOTHING</c> each, so a redelivered batch adds nothing.
/// </summary>
public sealed class ResultWriter(NpgsqlDataSource dataSource)
{
    public async Task WriteAsync(Guid jobId, IReadOnlyCollection<ResultRow> results, IReadOnlyCollection<ItemFailure> failures, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (results.Count > 0)
        {
            await WriteResultsAsync(connection, jobId, results, cancellationToken);
        }
        if (failures.Count > 0)
        {
            await WriteFailuresAsync(connection, jobId, failures, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteResultsAsync(NpgsqlConnection connection, Guid jobId, IReadOnlyCollection<ResultRow> results, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "CREATE TEMP TABLE staging_results (ordinal bigint, language text, item_key text, text text, score double precision, flags text[]) ON COMMIT DROP",
            cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY staging_results (ordinal, language, item_key, text, score, flags) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in results)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(row.Ordinal, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(row.Language, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.ItemKey, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Text, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Score, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(row.Flags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await connection.ExecuteAsync(
            """
            INSERT INTO results (job_id, ordinal, language, item_key, text, score, flags, created_at)
            SELECT @job, ordinal, language, item_key, text, score, flags, now() FROM staging_results
            ON CONFLICT DO NOTHING
            """,
            cancellationToken, ("job", jobId));
    }

    private static async Task WriteFailuresAsync(NpgsqlConnection connection, Guid jobId, IReadOnlyCollection<ItemFailure> failures, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "CREATE TEMP TABLE staging_failures (ordinal bigint, language text, item_key text, reason text, detail text) ON COMMIT DROP",
            cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY staging_failures (ordinal, language, item_key, reason, detail) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var failure in failures)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(failure.Ordinal, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(failure.Language ?? "", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(failure.Key, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(failure.Reason, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(failure.Detail, NpgsqlDbType.Text, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await connection.ExecuteAsync(
            """
            INSERT INTO item_failures (job_id, ordinal, language, item_key, reason, detail, created_at)
            SELECT @job, ordinal, language, item_key, reason, detail, now() FROM staging_failures
            ON CONFLICT DO NOTHING
            """,
            cancellationToken, ("job", jobId));
    }
}
