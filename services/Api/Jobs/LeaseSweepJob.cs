using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Options;
using Platform.Api.Services;
using Platform.Data;

namespace Platform.Api.Jobs;

/// <summary>
/// Finds batches whose worker lease ran out (the worker died or hung) and publishes them again; a batch that
/// has used up its attempts has its items failed as <c>abandoned</c> so the job can still settle.
/// </summary>
internal sealed class LeaseSweepJob(
    NpgsqlDataSource dataSource,
    BatchPublisher publisher,
    BatchAbandonment abandonment,
    IOptions<JobsOptions> options,
    ILogger<LeaseSweepJob> logger)
{
    public const string RecurringJobId = "lease-sweep";

    // No lock needed: the UPDATE … RETURNING hands each expired batch to exactly one sweep.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var expired = await ReleaseExpiredAsync(cancellationToken);
        foreach (var (jobId, index, attempts) in expired)
        {
            if (attempts >= options.Value.MaxBatchAttempts)
            {
                await abandonment.AbandonAsync(jobId, index, attempts, cancellationToken);
            }
        }
        foreach (var jobId in expired.Select(e => e.JobId).Distinct())
        {
            await publisher.PublishPendingAsync(jobId, cancellationToken);
        }
        if (expired.Count > 0)
        {
            logger.LogWarning("Lease expired on {BatchCount} batches; re-published or abandoned", expired.Count);
        }
    }

    private async Task<List<(Guid JobId, int Index, int Attempts)>> ReleaseExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            UPDATE batches SET state = 'Pending', leased_until = NULL
            WHERE state = 'Running' AND leased_until < now()
            RETURNING job_id, index, attempts
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expired = new List<(Guid, int, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            expired.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        return expired;
    }
}
