using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Options;
using Platform.Data;
using Platform.Data.Bulk;
using Platform.Data.Entities;
using Platform.Storage.Archives;
using Platform.Storage.Blobs;
using Platform.Storage.Manifests;

namespace Platform.Api.Services;

/// <summary>
/// Creates a dataset and its items in one transaction while streaming the upload: a bad line or entry rolls back
/// everything, and memory stays flat whatever the number of items (PostgreSQL, not memory, finds repeated keys).
/// </summary>
internal sealed class DatasetIngestion(NpgsqlDataSource dataSource, BlobStore blobs, IOptions<UploadOptions> options, TimeProvider clock)
{
    private const int ParallelUploads = 8;
    private const long BufferedEntryBytes = 4 << 20;
    private static readonly Dictionary<string, IReadOnlyList<string>> NoCaptions = [];

    /// <summary>
    /// A manifest's bad lines do not stop the read: every item with an id goes in, so that the database's unique
    /// constraint finds every repeated id, and the manifest is refused at the end with all its errors in line order.
    /// </summary>
    public Task<Dataset> FromManifestAsync(Guid tenantId, string name, Stream manifest, ManifestFormat format, CancellationToken cancellationToken)
    {
        var limits = new ManifestLimits(
            options.Value.MaxManifestLineLength, options.Value.MaxItemsPerDataset, MaxLines: options.Value.MaxManifestLines);
        var rejection = new ManifestRejection(limits.MaxErrorsReported);
        return IngestAsync(tenantId, name, DatasetSource.Manifest, _ => null, async (items, _, token) =>
        {
            try
            {
                await foreach (var item in ManifestReader.ReadAsync(manifest, format, limits, token))
                {
                    if (!item.HasErrors && item.Image is { } image && UploadContainerGuard.Refusal(image, options.Value.Container) is { } refusal)
                    {
                        rejection.Refuse(item.LineNumber, refusal);
                    }
                    await items.AddAsync(item.Key, item.LineNumber, item.Image, item.Captions, token);
                }
            }
            catch (ManifestFormatException invalid)
            {
                // Thrown at the end, or where the read had to stop: the items before are in, to be checked for duplicates.
                rejection.Add(invalid);
            }
        }, limits.MaxErrorsReported, rejection.ToException, cancellationToken);
    }

    /// <summary>
    /// Streams the images into blob storage as the archive is read. A tar is only known to be good at its end, so
    /// when anything refuses it the blobs its earlier entries left are deleted before the refusal is answered.
    /// </summary>
    public async Task<Dataset> FromArchiveAsync(Guid tenantId, string name, Stream archive, ArchiveFormat format, CancellationToken cancellationToken)
    {
        var container = options.Value.Container;
        var limits = new ArchiveLimits(options.Value.MaxArchiveEntries, options.Value.MaxArchiveUncompressedBytes, options.Value.MaxArchiveEntryBytes);
        var folder = "";
        try
        {
            return await IngestAsync(tenantId, name, DatasetSource.Archive, id => $"{container}/datasets/{id}/", async (items, id, token) =>
            {
                folder = $"datasets/{id}/";
                // Disposing waits for the uploads still running, so none lands after the clean-up below.
                await using var uploads = new BoundedConcurrency(ParallelUploads);
                await ArchiveReader.ReadAsync(archive, format, limits, async (entry, content, entryToken) =>
                {
                    if (!ArchiveReader.LooksLikeImage(entry.Path))
                    {
                        return;
                    }
                    var path = folder + entry.Path;
                    await UploadAsync(uploads, container, path, entry.Length, content, entryToken);
                    await items.AddAsync(entry.Path, entry.Number, $"{container}/{path}", NoCaptions, entryToken);
                }, token);
                await uploads.WhenAllAsync();
            }, RepeatedItems.Described, RepeatedItems.InArchive, cancellationToken);
        }
        catch when (folder.Length > 0)
        {
            // Not the request's token: a client that gave up must not leave the blobs behind either.
            await blobs.DeletePrefixAsync(container, folder, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Small entries (most images) are read into memory and uploaded in parallel, since one blob round trip at a time
    /// dominated ingestion; an entry too large to buffer streams straight through. A path the archive repeats waits for
    /// its earlier upload (two uploads of one blob at once fail); the repeat is refused once every entry is in.
    /// </summary>
    private async Task UploadAsync(BoundedConcurrency uploads, string container, string path, long length, Stream content, CancellationToken cancellationToken)
    {
        if (length > BufferedEntryBytes)
        {
            await uploads.WhenDoneAsync(path);
            await blobs.UploadAsync(container, path, content, cancellationToken);
            return;
        }
        var buffer = new MemoryStream((int)length);
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        await uploads.StartAsync(path, async () =>
        {
            await using (buffer)
            {
                await blobs.UploadAsync(container, path, buffer, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Every image under <c>container/folder</c> (a trailing slash is optional), keyed by its path below the folder.</summary>
    public Task<Dataset> FromBlobPrefixAsync(Guid tenantId, string name, string blobPrefix, CancellationToken cancellationToken)
    {
        if (UploadContainerGuard.Refusal(blobPrefix, options.Value.Container) is { } refusal)
        {
            throw new ArgumentException(refusal);
        }
        var (container, folder) = BlobStore.SplitBlobPath(blobPrefix.TrimEnd('/'));
        var prefix = folder + "/";
        return IngestAsync(tenantId, name, DatasetSource.BlobPrefix, _ => blobPrefix, async (items, _, token) =>
        {
            await foreach (var blob in blobs.ListAsync(container, prefix, token))
            {
                if (ArchiveReader.LooksLikeImage(blob))
                {
                    await items.AddAsync(blob[prefix.Length..].TrimStart('/'), null, $"{container}/{blob}", NoCaptions, token);
                }
            }
        }, RepeatedItems.Described, duplicates => RepeatedItems.UnderBlobPrefix(blobPrefix, duplicates), cancellationToken);
    }

    /// <param name="refusal">
    /// What to throw, given the first <paramref name="duplicatesReported"/> repeated keys (usually none), or null when
    /// the dataset may be created.
    /// </param>
    private async Task<Dataset> IngestAsync(
        Guid tenantId,
        string name,
        DatasetSource source,
        Func<Guid, string?> sourceUri,
        Func<DatasetItemImporter, Guid, CancellationToken, Task> fill,
        int duplicatesReported,
        Func<IReadOnlyList<DuplicateKey>, Exception?> refusal,
        CancellationToken cancellationToken)
    {
        var dataset = new Dataset { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = name, Source = source, CreatedAt = clock.GetUtcNow() };
        dataset.SourceUri = sourceUri(dataset.Id);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO datasets (id, tenant_id, name, source, source_uri, item_count, caption_languages, created_at) VALUES (@id, @tenant, @name, @source, @uri, 0, '{}', @created)",
            cancellationToken, ("id", dataset.Id), ("tenant", tenantId), ("name", name), ("source", source.ToString()), ("uri", dataset.SourceUri), ("created", dataset.CreatedAt));
        await using (var items = await DatasetItemImporter.BeginAsync(connection, dataset.Id, cancellationToken))
        {
            await fill(items, dataset.Id, cancellationToken);
            var duplicates = await items.CompleteAsync(duplicatesReported, cancellationToken);
            if (refusal(duplicates) is { } refused)
            {
                throw refused;
            }
            dataset.ItemCount = items.Count;
            dataset.CaptionLanguages = [.. items.CaptionLanguages];
        }
        if (dataset.ItemCount == 0)
        {
            throw new DatasetRejectedException(source == DatasetSource.Manifest
                ? "The manifest has no items."
                : "No images (jpg, jpeg, png, webp, gif, bmp) were found.");
        }
        await connection.ExecuteAsync(
            "UPDATE datasets SET item_count = @count, caption_languages = @languages WHERE id = @id",
            cancellationToken, ("id", dataset.Id), ("count", dataset.ItemCount), ("languages", dataset.CaptionLanguages));
        await transaction.CommitAsync(cancellationToken);
        return dataset;
    }
}
