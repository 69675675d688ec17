using Azure;
using Hangfire;
using Npgsql;
using Platform.Api.Jobs;
using Platform.Data;
using Platform.Storage.Blobs;

namespace Platform.Api.Services;

/// <summary>
/// Re-runs the failed items of a finished job. In one transaction with the Hangfire job that publishes them, it records
/// retry batches naming exactly the failed (item, language) pairs (an item that failed as a whole is re-run in every
/// language), counts those items as not yet processed and puts the job back to Running, so it settles again when they
/// are done. Stored results are never re-run; a failure is cleared when its result is written (<c>ResultWriter</c>).
/// The previous settlement's exports are unrecorded in the same transaction and their blobs deleted after it.
/// </summary>
internal sealed class FailedItemRetry(
    EnlistedConnections connections, IBackgroundJobClient backgroundJobs, BlobStore blobs, ILogger<FailedItemRetry> logger)
{
    // Failed items of the dataset, grouped by what to re-run (all languages, or the ones that failed), cut into batches of
    // the job's batch size numbered after the existing ones. Ordinals stay ascending, so publishing keeps dataset order.
    private const string RetryBatchesSql =
        """
        WITH failed AS (
            SELECT f.ordinal, CASE WHEN bool_or(f.language = '') THEN NULL ELSE array_agg(f.language ORDER BY f.language) END AS languages
            FROM item_failures f
            JOIN jobs j ON j.id = f.job_id
            JOIN dataset_items i ON i.dataset_id = j.dataset_id AND i.ordinal = f.ordinal
            WHERE f.job_id = @job
            GROUP BY f.ordinal
        ), chunked AS (
            SELECT f.ordinal, f.languages, (row_number() OVER (PARTITION BY f.languages ORDER BY f.ordinal) - 1) / j.batch_size AS chunk
            FROM failed f JOIN jobs j ON j.id = @job
        ), grouped AS (
            SELECT languages, array_agg(ordinal ORDER BY ordinal) AS ordinals, min(ordinal) AS first_ordinal, max(ordinal) + 1 AS end_ordinal
            FROM chunked GROUP BY languages, chunk
        ), inserted AS (
            INSERT INTO batches (job_id, index, first_ordinal, end_ordinal, ordinals, languages, state, attempts, items_succeeded, items_failed)
            SELECT @job, j.batch_count + (row_number() OVER (ORDER BY g.first_ordinal, g.languages) - 1)::int,
                   g.first_ordinal, g.end_ordinal, g.ordinals, g.languages, 'Pending', 0, 0, 0
            FROM grouped g JOIN jobs j ON j.id = @job
            RETURNING cardinality(ordinals) AS items
        )
        SELECT count(*), coalesce(sum(items), 0)::bigint FROM inserted
        """;

    /// <param name="tenantId">The caller's tenant: another tenant's job reads as unknown.</param>
    public async Task<RetryOutcome> RetryAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        var (outcome, batches, items, staleExports) = await RecordAsync(tenantId, jobId, cancellationToken);
        if (outcome == RetryOutcome.Started)
        {
            logger.LogInformation("Job {JobId}: {Items} failed items to re-run in {Batches} batches", jobId, items, batches);
            await DeleteStaleExportsAsync(jobId, staleExports, cancellationToken);
        }
        return outcome;
    }

    private async Task<(RetryOutcome Outcome, int Batches, long Items, List<string> StaleExports)> RecordAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        using var scope = AmbientTransaction.Begin();
        var retry = await RecordRetryBatchesAsync(tenantId, jobId, cancellationToken);
        if (retry.Outcome == RetryOutcome.Started)
        {
            backgroundJobs.Enqueue<BatchPublisher>(publisher => publisher.PublishPendingAsync(jobId, CancellationToken.None));
        }
        scope.Complete();
        return retry;
    }

    private async Task<(RetryOutcome Outcome, int Batches, long Items, List<string> StaleExports)> RecordRetryBatchesAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var job = connection.CreateCommand("SELECT status FROM jobs WHERE id = @job AND tenant_id = @tenant FOR UPDATE", ("job", jobId), ("tenant", tenantId)))
        {
            var status = await job.ExecuteScalarAsync(cancellationToken) as string;
            if (OutcomeOf(status) is { } refused)
            {
                return (refused, 0, 0, []);
            }
        }
        var (batches, items) = await ReadPairAsync(connection.CreateCommand(RetryBatchesSql, ("job", jobId)), cancellationToken);
        if (batches == 0)
        {
            return (RetryOutcome.NothingFailed, 0, 0, []);
        }
        // Every item not re-run has settled as succeeded: the counters restart from there, so they add up again.
        await connection.ExecuteAsync(
            """
            UPDATE jobs SET status = 'Running', completed_at = NULL, error = NULL, batch_count = batch_count + @batches,
                items_succeeded = items_total - @items, items_failed = 0
            WHERE id = @job
            """,
            cancellationToken, ("job", jobId), ("batches", batches), ("items", items));
        await using var exports = connection.CreateCommand("DELETE FROM job_exports WHERE job_id = @job RETURNING blob_path", ("job", jobId));
        await using var deleted = await exports.ExecuteReaderAsync(cancellationToken);
        var staleExports = new List<string>();
        while (await deleted.ReadAsync(cancellationToken))
        {
            staleExports.Add(deleted.GetString(0));
        }
        return (RetryOutcome.Started, (int)batches, items, staleExports);
    }

    private static async Task<(long First, long Second)> ReadPairAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            return (reader.GetInt64(0), reader.GetInt64(1));
        }
    }

    // Once the retry is committed the previous settlement's export blobs are unreachable; failing to delete one only leaks it.
    private async Task DeleteStaleExportsAsync(Guid jobId, List<string> blobPaths, CancellationToken cancellationToken)
    {
        foreach (var blobPath in blobPaths)
        {
            var (container, path) = BlobStore.SplitBlobPath(blobPath);
            try
            {
                await blobs.DeleteIfExistsAsync(container, path, cancellationToken);
            }
            catch (RequestFailedException exception)
            {
                logger.LogWarning(exception, "Job {JobId}: the previous export {BlobPath} could not be deleted", jobId, blobPath);
            }
        }
    }

    private static RetryOutcome? OutcomeOf(string? status) => status switch
    {
        null => RetryOutcome.NoJob,
        "Pending" or "Running" => RetryOutcome.NotFinished,
        "Cancelled" => RetryOutcome.Cancelled,
        _ => null,
    };
}
