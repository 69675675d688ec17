namespace Platform.Exports.Formats;

public static class ExportRowWriters
{
    public static IExportRowWriter Create(ExportFormat format, Stream destination, bool hasSource, int rowGroupRows)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Name switch
        {
            "jsonl" => new JsonLinesRowWriter(destination, hasSource),
            "csv" => new CsvRowWriter(destination, hasSource),
            "parquet" => new ParquetRowWriter(destination, hasSource, rowGroupRows),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format.Name, "Unknown export format"),
        };
    }
}
