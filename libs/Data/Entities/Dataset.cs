namespace Platform.Data.Entities;

public sealed class Dataset : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public DatasetSource Source { get; set; }
    /// <summary>Where the items came from: the blob prefix, or the blob holding the uploaded archive or manifest.</summary>
    public string? SourceUri { get; set; }
    public long ItemCount { get; set; }
    /// <summary>Languages that have reference captions in at least one item.</summary>
    public string[] CaptionLanguages { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
