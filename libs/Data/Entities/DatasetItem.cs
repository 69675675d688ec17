namespace Platform.Data.Entities;

public sealed class DatasetItem
{
    public Guid DatasetId { get; set; }
    /// <summary>0-based position in the dataset; batches are ranges of ordinals.</summary>
    public long Ordinal { get; set; }
    public required string Key { get; set; }
    /// <summary>A blob path (<c>container/path</c>) or an http(s) URL.</summary>
    public string? Image { get; set; }
    /// <summary>JSON object: language code → array of reference captions.</summary>
    public string Captions { get; set; } = "{}";
}
