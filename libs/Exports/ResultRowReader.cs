using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Data;

namespace Platform.Exports;

/// <summary>
/// A job's results in dataset order (ordinal, then language), read by keyset pages so that neither the database nor this
/// process holds more than one page, whatever the job's size.
/// </summary>
public sealed class ResultRowReader(NpgsqlDataSource dataSource, IOptions<ExportOptions> options)
{
    public async IAsyncEnumerable<ExportRow> ReadAsync(ExportedJob job, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var page = new List<ExportRow>(options.Value.PageRows);
        (long Ordinal, string Language) after = (-1, "");
        do
        {
            page.Clear();
            await ReadPageAsync(job, after, page, cancellationToken);
            foreach (var row in page)
            {
                yield return row;
            }
            if (page.Count > 0)
            {
                after = (page[^1].Ordinal, page[^1].Language);
            }
        }
        while (page.Count == options.Value.PageRows);
    }

    private async Task ReadPageAsync(ExportedJob job, (long Ordinal, string Language) after, List<ExportRow> page, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            SELECT r.ordinal, r.item_key, r.language, r.text, i.captions -> @source ->> 0, r.score, r.flags
            FROM results r
            LEFT JOIN dataset_items i ON @source <> '' AND i.dataset_id = @dataset AND i.ordinal = r.ordinal
            WHERE r.job_id = @job AND (r.ordinal, r.language) > (@ordinal, @language)
            ORDER BY r.ordinal, r.language
            LIMIT @limit
            """,
            ("job", job.JobId), ("dataset", job.DatasetId), ("source", job.SourceLanguage ?? ""),
            ("ordinal", after.Ordinal), ("language", after.Language), ("limit", options.Value.PageRows));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(new ExportRow(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.GetFieldValue<string[]>(6)));
        }
    }
}
