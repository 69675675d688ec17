using Npgsql;
using Platform.Api.Apis.Models;
using Platform.Data;

namespace Platform.Api.Services;

internal sealed class MetricQueries(NpgsqlDataSource dataSource)
{
    /// <returns>Null when the job does not exist or is not the tenant's.</returns>
    public async Task<IReadOnlyList<MetricResponse>?> ForJobAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            SELECT m.checkpoint_id, m.language, m.metric, m.score, m.signature, m.created_at,
                (m.statistics -> 'Counts' ->> 'Segments')::bigint, (m.statistics -> 'Counts' ->> 'MissingHypotheses')::bigint
            FROM jobs j LEFT JOIN metrics m ON m.job_id = j.id
            WHERE j.id = @job AND j.tenant_id = @tenant
            ORDER BY m.language, m.metric
            """,
            ("job", jobId), ("tenant", tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var rows = new List<MetricResponse>();
        do
        {
            if (!reader.IsDBNull(0))
            {
                rows.Add(new MetricResponse(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7),
                    reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }
        while (await reader.ReadAsync(cancellationToken));
        return rows;
    }

    /// <returns>Null when the dataset does not exist or is not the tenant's.</returns>
    public async Task<Leaderboard?> LeaderboardAsync(Guid tenantId, Guid datasetId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var exists = connection.CreateCommand("SELECT 1 FROM datasets WHERE id = @dataset AND tenant_id = @tenant", ("dataset", datasetId), ("tenant", tenantId)))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }
        // The latest finished evaluation job of each checkpoint on this dataset.
        await using var command = connection.CreateCommand(
            """
            WITH latest AS (
                SELECT DISTINCT ON (checkpoint_id) id, checkpoint_id FROM jobs
                WHERE kind = 'Evaluations' AND dataset_id = @dataset AND tenant_id = @tenant AND status IN ('Succeeded', 'CompletedWithErrors')
                ORDER BY checkpoint_id, created_at DESC, id DESC)
            SELECT l.checkpoint_id, c.name, l.id, m.language, m.metric, m.score
            FROM latest l
            JOIN checkpoints c ON c.id = l.checkpoint_id
            JOIN metrics m ON m.job_id = l.id AND m.checkpoint_id = l.checkpoint_id
            ORDER BY c.name, l.checkpoint_id, m.language
            """,
            ("dataset", datasetId), ("tenant", tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var scores = new List<(Guid Checkpoint, string Name, Guid Job, string Language, string Metric, double Score)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            scores.Add((reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetDouble(5)));
        }
        return LeaderboardBuilder.Build(datasetId, scores);
    }
}
