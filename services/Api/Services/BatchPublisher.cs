using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Options;
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
    PendingBatchReader pendingBatches,
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
        await foreach (var (index, languages, items) in pendingBatches.ReadAsync(job, cancellationToken))
        {
            inFlight.Add(bus.Publish(BatchMessageFactory.Create(job, task, index, languages, items), cancellationToken));
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
}
