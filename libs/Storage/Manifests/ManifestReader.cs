namespace Platform.Storage.Manifests;

public static class ManifestReader
{
    /// <summary>
    /// Streams the items of a manifest. Bad lines do not stop the read: up to <see cref="ManifestLimits.MaxErrorsReported"/>
    /// errors are collected and thrown together as a <see cref="ManifestFormatException"/> at the end (the caller rolls
    /// back), and every line with an id is yielded until then, after bad lines too, with
    /// <see cref="ManifestItem.HasErrors"/> when its own line is bad. Ids are not checked for duplicates: that would
    /// hold them all in memory; the caller checks them where it stores them (the Api: PostgreSQL's unique constraint).
    /// An overlong line, too many lines or items, text that is not UTF-8, a bad CSV header or the error limit end the
    /// read early.
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
