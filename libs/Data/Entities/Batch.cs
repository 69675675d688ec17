namespace Platform.Data.Entities;

public sealed class Batch
{
    public Guid JobId { get; set; }
    public int Index { get; set; }
    /// <summary>Items with <c>FirstOrdinal &lt;= ordinal &lt; EndOrdinal</c>.</summary>
    public long FirstOrdinal { get; set; }
    public long EndOrdinal { get; set; }
    /// <summary>Null for a planned batch (every item of the range); the items to re-run for a retry batch.</summary>
    public long[]? Ordinals { get; set; }
    /// <summary>Null for the job's languages; the languages to re-run for a retry batch.</summary>
    public string[]? Languages { get; set; }
    public BatchState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
    public int ItemsSucceeded { get; set; }
    public int ItemsFailed { get; set; }
    public DateTimeOffset? SettledAt { get; set; }
}
