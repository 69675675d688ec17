using Npgsql;
using NpgsqlTypes;
using Platform.Contracts;

namespace Platform.Data.Bulk;

/// <summary>
/// Writes a batch's results and failures with binary COPY into staging tables, then one
/// <c>INSERT … ON CONFLICT DO NOTHING</c> each, so a redelivered batch adds nothing. A stored result supersedes the
/// failure recorded for its item and language (or for its whole item) by an earlier run, and a failure that happens
/// again keeps its latest reason: <c>item_failures</c> lists exactly what still has no result.
/// </summary>
public sealed class ResultWriter(NpgsqlDataSource dataSource)
{
    private static readonly StagedTable<ResultRow> Results = new(
        "staging_results (ordinal bigint, language text, item_key text, text text, score double precision, flags text[])",
        "staging_results (ordinal, language, item_key, text, score, flags)",
        """
        INSERT INTO results (job_id, ordinal, language, item_key, text, score, flags, created_at)
        SELECT @job, ordinal, language, item_key, text, score, flags, now() FROM staging_results
        ON CONFLICT DO NOTHING;
        DELETE FROM item_failures f USING staging_results s
        WHERE f.job_id = @job AND f.ordinal = s.ordinal AND (f.language = s.language OR f.language = '')
        """,
        async (importer, row, cancellationToken) =>
        {
            await importer.WriteAsync(row.Ordinal, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(row.Language, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.ItemKey, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Text, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Score, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(row.Flags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        });

    private static readonly StagedTable<ItemFailure> Failures = new(
        "staging_failures (ordinal bigint, language text, item_key text, reason text, detail text)",
        "staging_failures (ordinal, language, item_key, reason, detail)",
        """
        INSERT INTO item_failures (job_id, ordinal, language, item_key, reason, detail, created_at)
        SELECT DISTINCT ON (ordinal, language) @job, ordinal, language, item_key, reason, detail, now() FROM staging_failures
        ON CONFLICT (job_id, ordinal, language) DO UPDATE SET reason = excluded.reason, detail = excluded.detail, created_at = excluded.created_at
        """,
        async (importer, failure, cancellationToken) =>
        {
            await importer.WriteAsync(failure.Ordinal, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(failure.Language ?? "", NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(failure.Key, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(failure.Reason, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(failure.Detail, NpgsqlDbType.Text, cancellationToken);
        });

    public async Task WriteAsync(Guid jobId, IReadOnlyCollection<ResultRow> results, IReadOnlyCollection<ItemFailure> failures, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Results.WriteAsync(connection, jobId, results, cancellationToken);
        await Failures.WriteAsync(connection, jobId, failures, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
