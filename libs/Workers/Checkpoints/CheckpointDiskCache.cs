using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Storage.Checkpoints;
using Platform.Workers.Options;

namespace Platform.Workers.Checkpoints;

/// <summary>
/// Extracted exports on local disk, one folder per sha256: downloaded once (concurrent callers wait for the same
/// download), published by an atomic rename so a crash never leaves a half folder in place, evicted least recently used.
/// </summary>
public sealed class CheckpointDiskCache(CheckpointDownloader downloader, IOptions<CheckpointCacheOptions> options, ILogger<CheckpointDiskCache> logger)
{
    private const string StagingPrefix = ".staging-";
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    private string Root => options.Value.Directory;

    public async Task<string> GetAsync(string sha256, string blobPath, CancellationToken cancellationToken)
    {
        if (sha256.Length == 0 || sha256.Any(c => !char.IsAsciiHexDigit(c)))
        {
            throw new ArgumentException($"'{sha256}' is not a sha256.", nameof(sha256));
        }
        var folder = Path.Combine(Root, sha256);
        var gate = locks.GetOrAdd(sha256, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!Directory.Exists(folder))
            {
                await DownloadAsync(sha256, blobPath, folder, cancellationToken);
            }
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow);
        }
        finally
        {
            gate.Release();
        }
        Evict(sha256);
        return CheckpointDownloader.ExportRoot(folder);
    }

    private async Task DownloadAsync(string sha256, string blobPath, string folder, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(Root, StagingPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await downloader.DownloadAsync(blobPath, sha256, staging, cancellationToken);
            Directory.Move(staging, folder);
            logger.LogInformation("Cached checkpoint export {BlobPath} in {Folder}", blobPath, folder);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private void Evict(string keep)
    {
        var entries = new DirectoryInfo(Root).EnumerateDirectories()
            .Where(directory => !directory.Name.StartsWith(StagingPrefix, StringComparison.Ordinal))
            .Select(directory => new CacheEntry(
                directory.Name,
                directory.EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length),
                directory.LastWriteTimeUtc));
        foreach (var name in CacheEviction.Choose(entries, options.Value.MaxBytes, keep))
        {
            var gate = locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
            if (!gate.Wait(0))
            {
                continue;
            }
            try
            {
                Directory.Delete(Path.Combine(Root, name), recursive: true);
                logger.LogInformation("Evicted checkpoint export {Sha256} from the disk cache", name);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
