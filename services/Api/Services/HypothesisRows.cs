using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Platform.Data;
using Platform.Metrics.Text;

namespace Platform.Api.Services;

/// <summary>
/// Stores uploaded hypotheses as a scoring job's own results, line k for the item of ordinal k, streaming them with
/// binary COPY (memory stays flat). A line count other than the dataset's item count stores nothing.
/// </summary>
internal static class HypothesisRows
{
    /// <returns>Why the upload does not fit the dataset, or null when its rows are written.</returns>
    /// <exception cref="System.Text.DecoderFallbackException">The upload is not UTF-8.</exception>
    public static async Task<string?> WriteAsync(
        PlatformDbContext db, Guid jobId, Guid datasetId, long itemCount, string language, Stream hypotheses, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.ExecuteAsync("CREATE TEMP TABLE staging_hypotheses (ordinal bigint, text text) ON COMMIT DROP", cancellationToken);
            long lines = 0;
            await using (var importer = await connection.BeginBinaryImportAsync("COPY staging_hypotheses (ordinal, text) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                await foreach (var line in SegmentLines.ReadAsync(hypotheses, cancellationToken))
                {
                    if (lines < itemCount)
                    {
                        await importer.StartRowAsync(cancellationToken);
                        await importer.WriteAsync(lines, NpgsqlDbType.Bigint, cancellationToken);
                        await importer.WriteAsync(line, NpgsqlDbType.Text, cancellationToken);
                    }
                    lines++;
                }
                if (lines != itemCount)
                {
                    return $"The upload has {lines} lines; dataset {datasetId} has {itemCount} items (one hypothesis per item, in dataset order).";
                }
                await importer.CompleteAsync(cancellationToken);
            }
            await connection.ExecuteAsync(
                """
                INSERT INTO results (job_id, ordinal, language, item_key, text, score, flags, created_at)
                SELECT @job, s.ordinal, @language, i.key, s.text, NULL, '{}', now()
                FROM staging_hypotheses s JOIN dataset_items i ON i.dataset_id = @dataset AND i.ordinal = s.ordinal
                """,
                cancellationToken, ("job", jobId), ("language", language), ("dataset", datasetId));
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
