using System.Security.Cryptography;
using System.Text;
using Platform.Storage.Archives;
using Platform.Storage.Blobs;

namespace Platform.Storage.Checkpoints;

/// <summary>
/// Copies a checkpoint export from blob storage into a local folder and checks it against the sha256 recorded at
/// registration: a zip or tar blob is hashed as a whole, then extracted through the archive reader (no entry escapes
/// the folder, decompressed bytes are bounded); a folder prefix is hashed as the registry does, by the sorted list of
/// its files' relative paths and hashes.
/// </summary>
public sealed class CheckpointDownloader(BlobStore blobs)
{
    private const string ArchiveFile = ".export";
    private static readonly ArchiveLimits Limits = new(MaxEntries: 10_000, MaxTotalUncompressedBytes: 100L << 30, MaxEntryBytes: 50L << 30);

    /// <exception cref="InvalidDataException">The export's content does not match <paramref name="sha256"/>.</exception>
    public async Task DownloadAsync(string blobPath, string sha256, string destination, CancellationToken cancellationToken)
    {
        var (container, path) = BlobStore.SplitBlobPath(blobPath);
        Directory.CreateDirectory(destination);
        var actual = await blobs.ExistsAsync(container, path, cancellationToken)
            ? await DownloadArchiveAsync(container, path, destination, cancellationToken)
            : await DownloadFolderAsync(container, path, destination, cancellationToken);
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The export at '{blobPath}' has sha256 {actual}, not the {sha256} recorded for the checkpoint.");
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

    private async Task<string> DownloadArchiveAsync(string container, string path, string destination, CancellationToken cancellationToken)
    {
        var format = path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? ArchiveFormat.Tar : ArchiveFormat.Zip;
        var spool = Path.Combine(Path.GetDirectoryName(destination)!, Path.GetFileName(destination) + ArchiveFile);
        try
        {
            string sha;
            await using (var content = await blobs.OpenReadAsync(container, path, cancellationToken))
            {
                sha = await WriteAsync(spool, content, cancellationToken);
            }
            await using var archive = File.OpenRead(spool);
            await ArchiveReader.ReadAsync(archive, format, Limits, (entry, entryContent, token) => WriteAsync(Within(destination, entry.Path), entryContent, token), cancellationToken);
            return sha;
        }
        finally
        {
            File.Delete(spool);
        }
    }

    private async Task<string> DownloadFolderAsync(string container, string path, string destination, CancellationToken cancellationToken)
    {
        var prefix = path.TrimEnd('/') + "/";
        var files = new List<string>();
        await foreach (var blob in blobs.ListAsync(container, prefix, cancellationToken))
        {
            files.Add(blob);
        }
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"No blob or folder at '{container}/{path}'.");
        }
        var listing = new StringBuilder();
        foreach (var blob in files.Order(StringComparer.Ordinal))
        {
            var relative = blob[prefix.Length..];
            await using var content = await blobs.OpenReadAsync(container, blob, cancellationToken);
            listing.Append(relative).Append('\t').Append(await WriteAsync(Within(destination, relative), content, cancellationToken)).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())));
    }

    private static string Within(string destination, string relativePath)
    {
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        var target = Path.GetFullPath(Path.Combine(root, relativePath));
        return target.StartsWith(root, StringComparison.Ordinal)
            ? target
            : throw new InvalidDataException($"Export entry '{relativePath}' would land outside the checkpoint folder.");
    }

    /// <returns>The sha256 of what was written.</returns>
    private static async Task<string> WriteAsync(string target, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = File.Create(target);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
