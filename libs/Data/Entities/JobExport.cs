namespace Platform.Data.Entities;

/// <summary>A job's results written to blob storage in one format, as of the job's settlement it was made for.</summary>
public sealed class JobExport
{
    public Guid JobId { get; set; }
    /// <summary><c>jsonl</c>, <c>csv</c> or <c>parquet</c>.</summary>
    public required string Format { get; set; }
    /// <summary><c>container/path</c> of the blob.</summary>
    public required string BlobPath { get; set; }
    public long SizeBytes { get; set; }
    public long RowCount { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
