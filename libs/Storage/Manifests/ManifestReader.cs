namespace Platform.Storage.Manifests;

public static class ManifestReader
{
    /// <summary>
    /// Streams the items of a manifest. Bad lines do not stop the read: up to <see cref="ManifestLimits.MaxErrorsReported"/>
    /// errors are collected and thrown together as a <see cref="ManifestFormatException"/> at the end, and no item is
    /// yielded after the first bad line (the caller rolls back). Only an overlong line or too many items stop it at once.
    /// </summary>
    public static IAsyncEnumerable<ManifestItem> ReadAsync(
        Stream manifest, ManifestFormat format, ManifestLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(limits);
        return format switch
        {
            ManifestFormat.Csv => CsvManifestParser.ReadAsync(manifest, ",", limits, cancellationToken),
            ManifestFormat.Tsv => CsvManifestParser.ReadAsync(manifest, "\t", limits, cancellationToken),
            ManifestFormat.JsonLines => JsonLinesManifestParser.ReadAsync(manifest, limits, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown manifest format."),
        };
    }

    public static ManifestFormat? FormatFromContentType(string? contentType) => MediaType.Of(contentType) switch
    {
        "text/csv" => ManifestFormat.Csv,
        "text/tab-separated-values" => ManifestFormat.Tsv,
        "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" => ManifestFormat.JsonLines,
        _ => null,
    };
}
