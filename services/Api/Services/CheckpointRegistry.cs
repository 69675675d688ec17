using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Options;
using Platform.Data;
using Platform.Data.Entities;
using LanguageCapabilities = Platform.Inference.Checkpoints.LanguageCapabilities;
using Platform.Storage.Blobs;

namespace Platform.Api.Services;

/// <summary>Stores checkpoint exports in blob storage and records them with their sha256.</summary>
internal sealed class CheckpointRegistry(
    IDbContextFactory<PlatformDbContext> contexts, BlobStore blobs, CheckpointValidator validator, IOptions<UploadOptions> options, TimeProvider clock)
{
    public async Task<Checkpoint> UploadAsync(Guid tenantId, string name, CheckpointTask task, Stream archive, string extension, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var container = options.Value.Container;
        var stored = await blobs.UploadAsync(container, $"checkpoints/{id}/export.{extension}", archive, cancellationToken);
        var blobPath = $"{container}/{stored.Path}";
        LanguageCapabilities languages;
        try
        {
            languages = await validator.ValidateAsync(task, blobPath, stored.Sha256Hex, cancellationToken);
        }
        catch (CheckpointRejectedException)
        {
            await blobs.DeleteIfExistsAsync(container, stored.Path, CancellationToken.None);
            throw;
        }
        return await SaveAsync(tenantId, id, name, task, blobPath, (stored.Sha256Hex, stored.Length), step: null, languages, cancellationToken);
    }

    /// <summary>
    /// A single blob is hashed as is; a folder prefix by the sorted list of its files' names and hashes. Either is
    /// validated (<see cref="CheckpointValidator"/>) before it is recorded; registering the same export again returns
    /// the checkpoint it already is.
    /// </summary>
    public async Task<Checkpoint> RegisterAsync(Guid tenantId, string name, CheckpointTask task, string blobPath, long? step, CancellationToken cancellationToken)
    {
        var (container, path) = BlobStore.SplitBlobPath(blobPath);
        if (await blobs.ExistsAsync(container, path, cancellationToken))
        {
            var (sha, size) = await HashBlobAsync(container, path, cancellationToken);
            var languages = await validator.ValidateAsync(task, blobPath, sha, cancellationToken);
            return await SaveAsync(tenantId, Guid.CreateVersion7(), name, task, blobPath, (sha, size), step, languages, cancellationToken);
        }
        var listing = new StringBuilder();
        long total = 0;
        var files = new List<string>();
        await foreach (var blob in blobs.ListAsync(container, path.TrimEnd('/') + "/", cancellationToken))
        {
            files.Add(blob);
        }
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"No blob or folder at '{blobPath}'.");
        }
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var (sha, size) = await HashBlobAsync(container, file, cancellationToken);
            listing.Append(file[path.Length..].TrimStart('/')).Append('\t').Append(sha).Append('\n');
            total += size;
        }
        var folderHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())));
        var folderLanguages = await validator.ValidateAsync(task, blobPath, folderHash, cancellationToken);
        return await SaveAsync(tenantId, Guid.CreateVersion7(), name, task, blobPath, (folderHash, total), step, folderLanguages, cancellationToken);
    }

    private async Task<(string Sha256, long Size)> HashBlobAsync(string container, string path, CancellationToken cancellationToken)
    {
        await using var content = await blobs.OpenReadAsync(container, path, cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private static Task<Checkpoint?> FindAsync(PlatformDbContext db, Guid tenantId, string blobPath, string sha256, CancellationToken cancellationToken) =>
        db.Checkpoints.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(c => c.BlobPath == blobPath && c.Sha256 == sha256, cancellationToken);

    /// <summary>The same export (blob path and content) registered again by the tenant is the checkpoint registered first.</summary>
    private async Task<Checkpoint> SaveAsync(
        Guid tenantId, Guid id, string name, CheckpointTask task, string blobPath, (string Sha256, long Size) content, long? step,
        LanguageCapabilities languages, CancellationToken cancellationToken)
    {
        var (sha256, size) = content;
        var checkpoint = new Checkpoint
        {
            Id = id, TenantId = tenantId, Name = name, Task = task, BlobPath = blobPath, Sha256 = sha256, SizeBytes = size, Step = step, CreatedAt = clock.GetUtcNow(),
            LanguageTokens = [.. languages.Tokens], SourceLanguage = languages.Pair?.Source, TargetLanguage = languages.Pair?.Target,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, tenantId, blobPath, sha256, cancellationToken) is { } existing)
        {
            return existing;
        }
        db.Checkpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return checkpoint;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent registration of the same export won the race.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return (await FindAsync(fresh, tenantId, blobPath, sha256, cancellationToken))!;
        }
    }
}
