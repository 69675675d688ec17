namespace Platform.Storage.Archives;

public static class ArchiveReader
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp",
    };

    public static ArchiveFormat? FormatFromContentType(string? contentType) => MediaType.Of(contentType) switch
    {
        "application/zip" or "application/x-zip-compressed" => ArchiveFormat.Zip,
        "application/x-tar" or "application/tar" => ArchiveFormat.Tar,
        _ => null,
    };

    /// <summary>
    /// Hands each regular file to <paramref name="onEntry"/> in archive order, through a stream that enforces
    /// <paramref name="limits"/> on the bytes actually decompressed. Directories are skipped; links, devices and paths
    /// that could escape the extraction root reject the whole archive with <see cref="ArchiveRejectedException"/>.
    /// A zip that is not seekable is first spooled to a temporary file, deleted afterwards.
    /// </summary>
    public static Task ReadAsync(
        Stream archive,
        ArchiveFormat format,
        ArchiveLimits limits,
        Func<ArchiveEntryData, Stream, CancellationToken, Task> onEntry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(onEntry);
        var budget = new ArchiveBudget(limits);
        return format switch
        {
            ArchiveFormat.Zip => ZipEntries.ReadAsync(archive, budget, onEntry, cancellationToken),
            ArchiveFormat.Tar => TarEntries.ReadAsync(archive, budget, onEntry, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown archive format."),
        };
    }

    public static bool LooksLikeImage(string path) => ImageExtensions.Contains(Path.GetExtension(path));
}
