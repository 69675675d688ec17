using Platform.Storage.Archives;
using Platform.Storage.Blobs;

namespace Platform.Workers.Checkpoints;

/// <summary>
/// Copies a checkpoint export from blob storage into a local folder: a zip or tar blob is extracted through the
/// archive reader (no entry escapes the folder, decompressed bytes are bounded), a folder prefix is copied file by file.
/// </summary>
public sealed class CheckpointDownloader(BlobStore blobs)
{
    private static readonly ArchiveLimits Limits = new(MaxEntries: 10_000, MaxTotalUncompressedBytes: 100L << 30, MaxEntryBytes: 50L << 30);

    public async Task DownloadAsync(string blobPath, string destination, CancellationToken cancellationToken)
    {
        var (container, path) = BlobStore.SplitBlobPath(blobPath);
        Directory.CreateDirectory(destination);
        if (await blobs.ExistsAsync(container, path, cancellationToken))
        {
            var format = path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? ArchiveFormat.Tar : ArchiveFormat.Zip;
            await using var archive = await blobs.OpenReadAsync(container, path, cancellationToken);
            await ArchiveReader.ReadAsync(archive, format, Limits, (entry, content, token) => WriteAsync(destination, entry.Path, content, token), cancellationToken);
            return;
        }
        var prefix = path.TrimEnd('/') + "/";
        var copied = 0;
        await foreach (var blob in blobs.ListAsync(container, prefix, cancellationToken))
        {
            await using var content = await blobs.OpenReadAsync(container, blob, cancellationToken);
            await WriteAsync(destination, blob[prefix.Length..], content, cancellationToken);
            copied++;
        }
        if (copied == 0)
        {
            throw new FileNotFoundException($"No blob or folder at '{blobPath}'.");
        }
    }

    /// <summary>The folder holding config.json: the root, or the single folder an archive wrapped it in.</summary>
    public static string ExportRoot(string directory)
    {
        var subdirectories = Directory.GetDirectories(directory);
        return !File.Exists(Path.Combine(directory, "config.json")) && subdirectories.Length == 1 && Directory.GetFiles(directory).Length == 0
            ? subdirectories[0]
            : directory;
    }

    private static async Task WriteAsync(string destination, string relativePath, Stream content, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(Path.Combine(destination, relativePath));
        if (!target.StartsWith(Path.GetFullPath(destination) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Export entry '{relativePath}' would land outside the checkpoint folder.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var file = File.Create(target);
        await content.CopyToAsync(file, cancellationToken);
    }
}
