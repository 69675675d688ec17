using System.IO.Compression;

namespace Platform.Storage.Archives;

internal static class ZipEntries
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixRegularFile = 0x8000;
    private const int UnixDirectory = 0x4000;

    public static async Task ReadAsync(
        Stream archive, ArchiveBudget budget, Func<ArchiveEntryData, Stream, CancellationToken, Task> onEntry, CancellationToken cancellationToken)
    {
        if (!archive.CanSeek)
        {
            await using var spooled = await SpoolAsync(archive, cancellationToken).ConfigureAwait(false);
            await ReadAsync(spooled, budget, onEntry, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var zip = await OpenAsync(archive, cancellationToken).ConfigureAwait(false);
        budget.CheckDeclared(zip.Entries.Select(entry => entry.Length).ToList());
        // A zip lists every entry up front: an unsafe one refuses the archive before any entry is handed out.
        var files = zip.Entries.Select((entry, index) => (Entry: entry, Path: FilePathOf(entry), Number: index + 1L)).ToList();
        foreach (var (entry, path, number) in files)
        {
            budget.CountEntry();
            if (path is null)
            {
                continue;
            }

            budget.Admit(path, entry.Length);
            await using var entryData = await OpenEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            await using var data = new LimitedEntryStream(entryData, path, budget);
            await onEntry(new ArchiveEntryData(path, entry.Length, number), data, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The normalised path of a regular file; null for a folder; a rejection for anything unsafe.</summary>
    private static string? FilePathOf(ZipArchiveEntry entry)
    {
        var path = ArchiveEntryPath.Normalize(entry.FullName);
        var unixType = (entry.ExternalAttributes >> 16) & UnixFileTypeMask;
        if (entry.FullName.EndsWith('/') || unixType == UnixDirectory)
        {
            return null;
        }

        if (unixType is not (0 or UnixRegularFile))
        {
            throw ArchiveEntryPath.Rejected(entry.FullName, "is a link or a special file, not a regular file");
        }

        if (entry.IsEncrypted)
        {
            throw ArchiveEntryPath.Rejected(entry.FullName, "is encrypted");
        }

        return path;
    }

    private static async Task<ZipArchive> OpenAsync(Stream archive, CancellationToken cancellationToken)
    {
        try
        {
            return await ZipArchive.CreateAsync(archive, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            throw new ArchiveRejectedException($"Not a valid zip archive: {exception.Message}");
        }
    }

    private static async Task<Stream> OpenEntryAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            return await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            throw ArchiveEntryPath.Rejected(entry.FullName, $"cannot be read: {exception.Message}");
        }
    }

    private static async Task<FileStream> SpoolAsync(Stream archive, CancellationToken cancellationToken)
    {
        var file = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await archive.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
