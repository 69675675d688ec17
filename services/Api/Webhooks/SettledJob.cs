using Npgsql;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>What a job's event tells about it, read inside the transaction that settled it.</summary>
internal sealed record SettledJob(
    Guid Id,
    Guid TenantId,
    JobKind Kind,
    JobStatus Status,
    long ItemsTotal,
    long ItemsSucceeded,
    long ItemsFailed,
    int BatchCount,
    int BatchesSettled,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? WebhookUrl)
{
    public static async Task<SettledJob> ReadAsync(NpgsqlConnection connection, Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(
            """
            SELECT id, tenant_id, kind, status, items_total, items_succeeded, items_failed, batch_count, batches_settled,
                   error, created_at, started_at, completed_at, webhook_url
            FROM jobs WHERE id = @job
            """,
            ("job", jobId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Job {jobId} does not exist.");
        }
        return new SettledJob(
            reader.GetGuid(0), reader.GetGuid(1), Enum.Parse<JobKind>(reader.GetString(2)), Enum.Parse<JobStatus>(reader.GetString(3)),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt32(7), reader.GetInt32(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.GetFieldValue<DateTimeOffset>(10),
            reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
            reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
            reader.IsDBNull(13) ? null : reader.GetString(13));
    }
}
