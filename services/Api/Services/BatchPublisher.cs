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
        await foreach (var (index, languages, items) in ReadPendingBatchesAsync(job, cancellationToken))
        {
            inFlight.Add(bus.Publish(BatchMessageFactory.Create(job, task, index, languages, items), cancellationToken));
            dispatched.Add(index);
            if (inFlight.Count >= options.Value.PublishConcurrency)
            {
                published += await FlushAsync(jobId, inFlight, dispatched, cancellationToken);
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

    // The source text: the dataset's caption in the source language, or, translating an earlier job's output, that
    // job's result (an item it has no result for gets no text, and fails alone).
    private static (string Text, string Join) SourceTextSql(Job job) => job.Parameters.SourceJobId is null
        ? ("i.captions -> @source ->> 0", "")
        : ("r.text", "LEFT JOIN results r ON r.job_id = @sourceJob AND r.ordinal = i.ordinal AND r.language = @source");

    /// <summary>Each pending batch with its items and languages: a retry batch names both, a planned one takes its range and the job's.</summary>
    private async IAsyncEnumerable<(int Index, IReadOnlyList<string> Languages, List<WorkItem> Items)> ReadPendingBatchesAsync(
        Job job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (sourceText, sourceJoin) = SourceTextSql(job);
        await using var command = connection.CreateCommand(
            $"""
            SELECT b.index, b.languages, i.ordinal, i.key, i.image, {sourceText}
            FROM batches b
            {BatchItemsSql.Join("@dataset")}
            {sourceJoin}
            WHERE b.job_id = @job AND b.state = 'Pending'
            ORDER BY b.index, i.ordinal
            """,
            ("job", job.Id), ("dataset", job.DatasetId), ("source", job.Parameters.SourceLanguage ?? ""),
            ("sourceJob", job.Parameters.SourceJobId ?? Guid.Empty));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var currentIndex = -1;
        IReadOnlyList<string> languages = job.Parameters.Languages;
        var items = new List<WorkItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = reader.GetInt32(0);
            if (index != currentIndex && items.Count > 0)
            {
                yield return (currentIndex, languages, items);
                items = [];
            }
            currentIndex = index;
            languages = reader.IsDBNull(1) ? job.Parameters.Languages : reader.GetFieldValue<string[]>(1);
            items.Add(new WorkItem(
                reader.GetInt64(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        if (items.Count > 0)
        {
            yield return (currentIndex, languages, items);
        }
    }
}
