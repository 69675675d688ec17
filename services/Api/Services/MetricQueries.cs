using Npgsql;
using Platform.Api.Apis.Models;
using Platform.Data;

namespace Platform.Api.Services;

internal sealed class MetricQueries(NpgsqlDataSource dataSource)
{
    /// <summary>A job's scores; a parent's are its children's, one set per checkpoint.</summary>
    /// <returns>Null when the job does not exist or is not the tenant's.</returns>
    public async Task<IReadOnlyList<MetricResponse>?> ForJobAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            SELECT m.job_id, m.checkpoint_id, m.language, m.metric, m.score, m.signature, m.created_at,
                (m.statistics -> 'Counts' ->> 'Segments')::bigint, (m.statistics -> 'Counts' ->> 'MissingHypotheses')::bigint
            FROM jobs j
            LEFT JOIN metrics m ON m.job_id IN (SELECT f.id FROM jobs f WHERE f.id = @job OR f.parent_job_id = @job)
            WHERE j.id = @job AND j.tenant_id = @tenant
            ORDER BY m.checkpoint_id, m.language, m.metric
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
                    reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetDouble(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetInt64(8),
                    reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }
        while (await reader.ReadAsync(cancellationToken));
        return rows;
    }

    /// <summary>
    /// Each checkpoint's scores in each language from its latest finished job scored on this dataset (an evaluation,
    /// a translation over references, or a scoring job).
    /// </summary>
    /// <returns>Null when the dataset does not exist or is not the tenant's.</returns>
    public async Task<Leaderboard?> LeaderboardAsync(Guid tenantId, Guid datasetId, LeaderboardOrder order, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var exists = connection.CreateCommand("SELECT 1 FROM datasets WHERE id = @dataset AND tenant_id = @tenant", ("dataset", datasetId), ("tenant", tenantId)))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }
        var orderBy = order == LeaderboardOrder.Step ? "c.step NULLS LAST, c.name, l.checkpoint_id, l.language" : "c.name, l.checkpoint_id, l.language";
        await using var command = connection.CreateCommand(
            $"""
            WITH latest AS (
                SELECT DISTINCT ON (m.checkpoint_id, m.language) m.job_id, m.checkpoint_id, m.language
                FROM metrics m JOIN jobs j ON j.id = m.job_id
                WHERE j.dataset_id = @dataset AND j.tenant_id = @tenant AND m.checkpoint_id IS NOT NULL AND j.status IN ('Succeeded', 'CompletedWithErrors')
                ORDER BY m.checkpoint_id, m.language, j.created_at DESC, j.id DESC)
            SELECT l.checkpoint_id, c.name, c.step, l.job_id, l.language, m.metric, m.score
            FROM latest l
            JOIN checkpoints c ON c.id = l.checkpoint_id
            JOIN metrics m ON m.job_id = l.job_id AND m.checkpoint_id = l.checkpoint_id AND m.language = l.language
            ORDER BY {orderBy}
            """,
            ("dataset", datasetId), ("tenant", tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var scores = new List<LeaderboardScore>();
        while (await reader.ReadAsync(cancellationToken))
        {
            scores.Add(new LeaderboardScore(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetGuid(3), reader.GetString(4), reader.GetString(5), reader.GetDouble(6)));
        }
        return LeaderboardBuilder.Build(datasetId, scores);
    }
}
