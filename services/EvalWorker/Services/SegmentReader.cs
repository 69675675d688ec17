using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using Platform.Data;

namespace Platform.EvalWorker.Services;

/// <summary>
/// Streams a job's text in one language beside the dataset's references, in ordinal order, one row at a time:
/// every dataset item appears, with a null hypothesis where the job has no result for it.
/// </summary>
internal sealed class SegmentReader(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<ScoredSegment> ReadAsync(
        Guid jobId, Guid datasetId, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            SELECT i.ordinal, r.text, i.captions -> @language
            FROM dataset_items i
            LEFT JOIN results r ON r.job_id = @job AND r.ordinal = i.ordinal AND r.language = @language
            WHERE i.dataset_id = @dataset
            ORDER BY i.ordinal
            """,
            ("job", jobId), ("dataset", datasetId), ("language", language));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ScoredSegment(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : JsonSerializer.Deserialize<string?[]>(reader.GetString(2)));
        }
    }
}
