namespace Platform.Data.Entities;

/// <summary>Why an item has no result. Language is empty when the whole item failed (e.g. an unreadable image).</summary>
public sealed class ItemFailureRecord
{
    public Guid JobId { get; set; }
    public long Ordinal { get; set; }
    public string Language { get; set; } = "";
    public required string ItemKey { get; set; }
    public required string Reason { get; set; }
    public required string Detail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
