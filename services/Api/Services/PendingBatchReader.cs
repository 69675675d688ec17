using System.Runtime.CompilerServices;
using Npgsql;
using Platform.Contracts;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>
/// A job's <c>Pending</c> batches with their items, streamed from the database so memory stays flat whatever the
/// dataset size: first the planned batches (ordinal ranges), then the retry batches (lists of ordinals and languages).
/// </summary>
internal sealed class PendingBatchReader(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<PendingBatch> ReadAsync(Job job, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in ReadPlannedAsync(job, cancellationToken))
        {
            yield return batch;
        }
        await foreach (var batch in ReadRetriesAsync(job, cancellationToken))
        {
            yield return batch;
        }
    }

    // The source text: the dataset's caption in the source language, or, translating an earlier job's output, that
    // job's result (an item it has no result for gets no text, and fails alone).
    private static (string Text, string Join) SourceTextSql(Job job) => job.Parameters.SourceJobId is null
        ? ("i.captions -> @source ->> 0", "")
        : ("r.text", "LEFT JOIN results r ON r.job_id = @sourceJob AND r.ordinal = i.ordinal AND r.language = @source");

    private static (string Name, object? Value)[] Parameters(Job job) =>
    [
        ("job", job.Id), ("dataset", job.DatasetId), ("source", job.Parameters.SourceLanguage ?? ""),
        ("sourceJob", job.Parameters.SourceJobId ?? Guid.Empty),
    ];

    /// <summary>
    /// Planned batch k holds ordinals [k·size, (k+1)·size), so items stream straight from the primary key in ordinal
    /// order and are grouped by ordinal / size. (A range join to <c>batches</c> sorted in the database: on a large
    /// dataset its first row came after the command timeout.) Only the pending batch indexes are held, one int per batch.
    /// </summary>
    private async IAsyncEnumerable<PendingBatch> ReadPlannedAsync(Job job, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = await PendingPlannedIndexesAsync(job.Id, cancellationToken);
        if (pending.Count == 0)
        {
            yield break;
        }
        var (sourceText, sourceJoin) = SourceTextSql(job);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"""
            SELECT i.ordinal, i.key, i.image, {sourceText}
            FROM dataset_items i
            {sourceJoin}
            WHERE i.dataset_id = @dataset AND i.ordinal >= @first
            ORDER BY i.ordinal
            """,
            [.. Parameters(job), ("first", (long)pending.Min * job.BatchSize)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var currentIndex = -1;
        var items = new List<WorkItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = (int)(reader.GetInt64(0) / job.BatchSize);
            if (!pending.Contains(index))
            {
                continue;
            }
            if (index != currentIndex && items.Count > 0)
            {
                yield return new PendingBatch(currentIndex, job.Parameters.Languages, items);
                items = [];
            }
            currentIndex = index;
            items.Add(ReadItem(reader, 0));
        }
        if (items.Count > 0)
        {
            yield return new PendingBatch(currentIndex, job.Parameters.Languages, items);
        }
    }

    private async IAsyncEnumerable<PendingBatch> ReadRetriesAsync(Job job, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (sourceText, sourceJoin) = SourceTextSql(job);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"""
            SELECT b.index, b.languages, i.ordinal, i.key, i.image, {sourceText}
            FROM batches b
            {BatchItemsSql.Join("@dataset")}
            {sourceJoin}
            WHERE b.job_id = @job AND b.state = 'Pending' AND b.ordinals IS NOT NULL
            ORDER BY b.index, i.ordinal
            """,
            Parameters(job));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var currentIndex = -1;
        IReadOnlyList<string> languages = job.Parameters.Languages;
        var items = new List<WorkItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = reader.GetInt32(0);
            if (index != currentIndex && items.Count > 0)
            {
                yield return new PendingBatch(currentIndex, languages, items);
                items = [];
            }
            currentIndex = index;
            languages = reader.IsDBNull(1) ? job.Parameters.Languages : reader.GetFieldValue<string[]>(1);
            items.Add(ReadItem(reader, 2));
        }
        if (items.Count > 0)
        {
            yield return new PendingBatch(currentIndex, languages, items);
        }
    }

    /// <param name="first">The column of the ordinal; key, image and source text follow it.</param>
    private static WorkItem ReadItem(NpgsqlDataReader reader, int first) => new(
        reader.GetInt64(first),
        reader.GetString(first + 1),
        reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
        reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3));

    private async Task<SortedSet<int>> PendingPlannedIndexesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            "SELECT index FROM batches WHERE job_id = @job AND state = 'Pending' AND ordinals IS NULL", ("job", jobId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new SortedSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(reader.GetInt32(0));
        }
        return pending;
    }
}

internal sealed record PendingBatch(int Index, IReadOnlyList<string> Languages, List<WorkItem> Items);
