namespace Platform.Exports;

/// <summary>A file format a job's results are exported in.</summary>
public sealed record ExportFormat(string Name, string ContentType)
{
    public static readonly ExportFormat JsonLines = new("jsonl", "application/jsonl; charset=utf-8");
    public static readonly ExportFormat Csv = new("csv", "text/csv; charset=utf-8");
    public static readonly ExportFormat Parquet = new("parquet", "application/vnd.apache.parquet");

    public static IReadOnlyList<ExportFormat> All { get; } = [JsonLines, Csv, Parquet];

    /// <summary>The format named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ExportFormat? Find(string name) => All.FirstOrDefault(format => string.Equals(format.Name, name, StringComparison.OrdinalIgnoreCase));

    public string FileName(Guid jobId) => $"{jobId}.{Name}";
}
