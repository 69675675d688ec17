namespace Platform.Data.Entities;

public sealed class DatasetItem
{
    public Guid DatasetId { get; set; }
    /// <summary>0-based position in the dataset; batches are ranges of ordinals.</summary>
    public long Ordinal { get; set; }
    /// <summary>
    /// Where the item came from, for messages about it: the manifest line it starts on, or the 1-based number of its
    /// archive entry (folders counted, as <c>tar -tv</c> and <c>unzip -l</c> list them); null for a blob prefix.
    /// </summary>
    public long? Line { get; set; }
    public required string Key { get; set; }
    /// <summary>A blob path (<c>container/path</c>) or an http(s) URL.</summary>
    public string? Image { get; set; }
    /// <summary>JSON object: language code → array of reference captions.</summary>
    public string Captions { get; set; } = "{}";
}
