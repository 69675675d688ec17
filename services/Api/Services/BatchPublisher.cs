using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Options;
using Platform.Contracts;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>
/// Publishes every <c>Pending</c> batch of a job and marks it <c>Dispatched</c>. Items are streamed from
/// the database in batch order, so memory stays flat whatever the dataset size. Publishing before marking
/// means a crash in between re-publishes (harmless: workers are idempotent) rather than loses a batch.
/// </summary>
internal sealed class BatchPublisher(
    NpgsqlDataSource dataSource,
    IDbContextFactory<PlatformDbContext> contexts,
    IBus bus,
    IOptions<JobsOptions> options,
    ILogger<BatchPublisher> logger)
{
    public async Task<int> PublishPendingAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        var task = await db.Checkpoints.Where(c => c.Id == job.CheckpointId).Select(c => c.Task).SingleAsync(cancellationToken);

        var published = 0;
        var inFlight = new List<Task>();
        var dispatched = new List<int>();
        var itemsInFlight = 0;
        await foreach (var (index, items) in ReadPendingBatchesAsync(job, cancellationToken))
        {
            inFlight.Add(bus.Publish(BatchMessageFactory.Create(job, task, index, items), cancellationToken));
            dispatched.Add(index);
            itemsInFlight += items.Count;
            if (inFlight.Count >= options.Value.PublishConcurrency || itemsInFlight >= options.Value.PublishMaxItemsInFlight)
            {
                published += await FlushAsync(jobId, inFlight, dispatched, cancellationToken);
                itemsInFlight = 0;
            }
        }
        published += await FlushAsync(jobId, inFlight, dispatched, cancellationToken);
        logger.LogInformation("Published {BatchCount} batches of job {JobId}", published, jobId);
        return published;
    }

    private async Task<int> FlushAsync(Guid jobId, List<Task> inFlight, List<int> dispatched, CancellationToken cancellationToken)
    {
        await Task.WhenAll(inFlight);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE batches SET state = 'Dispatched' WHERE job_id = @job AND index = ANY(@indexes) AND state = 'Pending'",
            cancellationToken, ("job", jobId), ("indexes", dispatched.ToArray()));
        var count = dispatched.Count;
        inFlight.Clear();
        dispatched.Clear();
        return count;
    }

    /// <summary>
    /// Batch k holds ordinals [k·size, (k+1)·size), so items stream straight from the primary key in ordinal order and
    /// are grouped by ordinal / size. (A range join to <c>batches</c> sorted in the database: on a large dataset its first
    /// row came after the command timeout.) Only the pending batch indexes are held, one int per batch.
    /// </summary>
    private async IAsyncEnumerable<(int Index, List<WorkItem> Items)> ReadPendingBatchesAsync(
        Job job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = await PendingIndexesAsync(job.Id, cancellationToken);
        if (pending.Count == 0)
        {
            yield break;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            SELECT ordinal, key, image, captions -> @source ->> 0
            FROM dataset_items
            WHERE dataset_id = @dataset AND ordinal >= @first
            ORDER BY ordinal
            """,
            ("dataset", job.DatasetId), ("source", job.Parameters.SourceLanguage ?? ""), ("first", (long)pending.Min * job.BatchSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var currentIndex = -1;
        var items = new List<WorkItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var ordinal = reader.GetInt64(0);
            var index = (int)(ordinal / job.BatchSize);
            if (!pending.Contains(index))
            {
                continue;
            }
            if (index != currentIndex && items.Count > 0)
            {
                yield return (currentIndex, items);
                items = [];
            }
            currentIndex = index;
            items.Add(new WorkItem(ordinal, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        if (items.Count > 0)
        {
            yield return (currentIndex, items);
        }
    }

    private async Task<SortedSet<int>> PendingIndexesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT index FROM batches WHERE job_id = @job AND state = 'Pending'", ("job", jobId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new SortedSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(reader.GetInt32(0));
        }
        return pending;
    }
}
