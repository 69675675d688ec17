using Parquet;
using Parquet.Schema;

namespace Platform.Exports.Formats;

/// <summary>
/// Parquet (Snappy) with one row group per <c>rowGroupRows</c> rows: only the current row group is held in memory.
/// Flags are one <c>;</c>-separated string column, as in the CSV.
/// </summary>
internal sealed class ParquetRowWriter : IExportRowWriter
{
    private static readonly DataField<long> Ordinal = new(ExportColumns.Ordinal, nullable: false);
    private static readonly DataField<string> Key = new(ExportColumns.Key, nullable: false);
    private static readonly DataField<string> Language = new(ExportColumns.Language, nullable: false);
    private static readonly DataField<string> Text = new(ExportColumns.Text, nullable: false);
    private static readonly DataField<string> Source = new(ExportColumns.Source, nullable: true);
    private static readonly DataField<double?> Score = new(ExportColumns.Score, nullable: true);
    private static readonly DataField<string> Flags = new(ExportColumns.Flags, nullable: false);

    private readonly Stream destination;
    private readonly bool hasSource;
    private readonly int rowGroupRows;
    private readonly List<ExportRow> rows;
    private ParquetWriter? writer;

    public ParquetRowWriter(Stream destination, bool hasSource, int rowGroupRows)
    {
        this.destination = destination;
        this.hasSource = hasSource;
        this.rowGroupRows = rowGroupRows;
        rows = new List<ExportRow>(rowGroupRows);
    }

    public static ParquetSchema Schema(bool hasSource) =>
        hasSource ? new ParquetSchema(Ordinal, Key, Language, Text, Source, Score, Flags) : new ParquetSchema(Ordinal, Key, Language, Text, Score, Flags);

    public async ValueTask WriteAsync(ExportRow row, CancellationToken cancellationToken)
    {
        rows.Add(row);
        if (rows.Count == rowGroupRows)
        {
            await WriteRowGroupAsync(cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        // An export without rows is still a valid file: one empty row group carries the schema.
        if (rows.Count > 0 || writer is null)
        {
            await WriteRowGroupAsync(cancellationToken);
        }
        await writer!.DisposeAsync();
        writer = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync();
        }
    }

    private async Task WriteRowGroupAsync(CancellationToken cancellationToken)
    {
        writer ??= await ParquetWriter.CreateAsync(Schema(hasSource), destination, cancellationToken: cancellationToken);
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync<long>(Ordinal, rows.Select(r => r.Ordinal).ToArray().AsMemory(), cancellationToken: cancellationToken);
            await group.WriteAsync(Key, rows.Select(r => r.Key).ToArray());
            await group.WriteAsync(Language, rows.Select(r => r.Language).ToArray());
            await group.WriteAsync(Text, rows.Select(r => r.Text).ToArray());
            if (hasSource)
            {
                await group.WriteAsync(Source, rows.Select(r => r.Source).ToArray());
            }
            await group.WriteAsync<double>(Score, rows.Select(r => r.Score).ToArray().AsMemory(), cancellationToken: cancellationToken);
            await group.WriteAsync(Flags, rows.Select(r => ExportColumns.JoinFlags(r.Flags)).ToArray());
            group.CompleteValidate();
        }
        rows.Clear();
    }
}
