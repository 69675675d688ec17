namespace Platform.Data.Entities;

public sealed class Batch
{
    public Guid JobId { get; set; }
    public int Index { get; set; }
    /// <summary>Items with <c>FirstOrdinal &lt;= ordinal &lt; EndOrdinal</c>.</summary>
    public long FirstOrdinal { get; set; }
    public long EndOrdinal { get; set; }
    public BatchState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
    public int ItemsSucceeded { get; set; }
    public int ItemsFailed { get; set; }
    public DateTimeOffset? SettledAt { get; set; }
}
