namespace Platform.Data.Entities;

/// <summary>A caption or translation: exactly one per (job, item, language).</summary>
public sealed class Result
{
    public Guid JobId { get; set; }
    public long Ordinal { get; set; }
    public required string Language { get; set; }
    public required string ItemKey { get; set; }
    public required string Text { get; set; }
    public double? Score { get; set; }
    public string[] Flags { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
