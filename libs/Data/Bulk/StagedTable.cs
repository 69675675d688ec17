using Npgsql;

namespace Platform.Data.Bulk;

/// <summary>A temporary staging table filled by binary COPY and merged into its target with one conflict-safe INSERT.</summary>
internal sealed class StagedTable<T>(
    string createDefinition,
    string copyTarget,
    string mergeSql,
    Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow)
{
    public async Task WriteAsync(NpgsqlConnection connection, Guid jobId, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await connection.ExecuteAsync($"CREATE TEMP TABLE {createDefinition} ON COMMIT DROP", cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {copyTarget} FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await writeRow(importer, row, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await connection.ExecuteAsync(mergeSql, cancellationToken, ("job", jobId));
    }
}
