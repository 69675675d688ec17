using Npgsql;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// An evaluation job over several checkpoints is a parent job with one child per checkpoint; each child runs
/// (generation, scoring) as a one-checkpoint evaluation. The parent settles when its last child does. Whoever
/// settles a child locks the parent row first, in that order everywhere, so two children settling at once
/// never both miss the last settlement, and never deadlock.
/// </summary>
internal static class JobFamily
{
    /// <summary>Locks the parent of <paramref name="jobId"/>, if it has one, until the transaction ends.</summary>
    public static Task LockParentAsync(NpgsqlConnection connection, Guid jobId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            "SELECT 1 FROM jobs WHERE id = (SELECT parent_job_id FROM jobs WHERE id = @job) FOR UPDATE",
            cancellationToken, ("job", jobId));

    /// <summary>Settles the parent of <paramref name="jobId"/> once every child is settled; the parent's counters become the children's sums.</summary>
    /// <returns>The parent and its final status, or null when it has no parent or a child is still going.</returns>
    public static async Task<SettledParent?> SettleParentAsync(NpgsqlConnection connection, Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(
            """
            WITH children AS (
                SELECT parent_job_id AS parent,
                    bool_and(status = 'Succeeded') AS all_succeeded, bool_and(status = 'Cancelled') AS all_cancelled,
                    bool_or(status IN ('Succeeded', 'CompletedWithErrors')) AS any_succeeded,
                    bool_or(status IN ('Pending', 'Running')) AS unsettled,
                    sum(batch_count) AS batch_count, sum(batches_settled) AS batches_settled,
                    sum(items_total) AS items_total, sum(items_succeeded) AS items_succeeded, sum(items_failed) AS items_failed,
                    min(started_at) AS started_at, string_agg('checkpoint ' || checkpoint_id || ': ' || error, '; ') AS error
                FROM jobs WHERE parent_job_id = (SELECT parent_job_id FROM jobs WHERE id = @job)
                GROUP BY parent_job_id)
            UPDATE jobs p SET
                status = CASE WHEN c.all_succeeded THEN 'Succeeded' WHEN c.all_cancelled THEN 'Cancelled'
                              WHEN c.any_succeeded THEN 'CompletedWithErrors' ELSE 'Failed' END,
                batch_count = c.batch_count, batches_settled = c.batches_settled, items_total = c.items_total,
                items_succeeded = c.items_succeeded, items_failed = c.items_failed,
                started_at = coalesce(p.started_at, c.started_at), completed_at = now(), error = c.error
            FROM children c
            WHERE p.id = c.parent AND p.status IN ('Pending', 'Running') AND NOT c.unsettled
            RETURNING p.id, p.status
            """,
            ("job", jobId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SettledParent(reader.GetGuid(0), reader.GetString(1)) : null;
    }
}

internal sealed record SettledParent(Guid Id, string Status);
