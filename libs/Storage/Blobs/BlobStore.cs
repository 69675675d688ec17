using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

using Microsoft.AspNetCore.StaticFiles;

namespace Platform.Storage.Blobs;

public sealed class BlobStore(BlobServiceClient client)
{
    private const int BlockBytes = 4 << 20;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    // The SDK buffers a non-seekable upload block by block; without these it buffers up to 256 MiB before the first request.
    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = BlockBytes,
        MaximumTransferSize = BlockBytes,
        MaximumConcurrency = 4,
    };

    // Containers are created once per process; deleting one under a running service is not a supported operation.
    private readonly ConcurrentDictionary<string, byte> createdContainers = new(StringComparer.Ordinal);

    /// <summary>Streams <paramref name="content"/> into the blob (overwriting it), hashing it on the way.</summary>
    public Task<StoredBlob> UploadAsync(string container, string path, Stream content, CancellationToken cancellationToken) =>
        UploadAsync(container, path, content, contentType: null, cancellationToken);

    /// <summary>
    /// Streams <paramref name="content"/> into the blob (overwriting it) as staged blocks, hashing it on the way; the
    /// content type is the one given, or guessed from the path's extension.
    /// </summary>
    public async Task<StoredBlob> UploadAsync(string container, string path, Stream content, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var containerClient = await CreatedContainerAsync(container, path, cancellationToken).ConfigureAwait(false);
        using var hashing = new HashingReadStream(content);
        var options = new BlobUploadOptions
        {
            TransferOptions = Transfer,
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = contentType ?? (ContentTypes.TryGetContentType(path, out var guessed) ? guessed : "application/octet-stream"),
            },
        };
        await containerClient.GetBlobClient(path).UploadAsync(hashing, options, cancellationToken).ConfigureAwait(false);
        return new StoredBlob(container, path, hashing.BytesRead, hashing.Sha256Hex());
    }

    /// <summary>
    /// A URL that reads the blob without other credentials until <paramref name="expiresOn"/>, signed with the account
    /// key of the connection string.
    /// </summary>
    public Uri ReadSasUri(string container, string path, DateTimeOffset expiresOn)
    {
        var blob = Container(container, path).GetBlobClient(path);
        if (!blob.CanGenerateSasUri)
        {
            throw new InvalidOperationException("Blob storage is not configured with an account key, so it cannot sign download links.");
        }

        return blob.GenerateSasUri(BlobSasPermissions.Read, expiresOn);
    }

    /// <summary>A stream over the blob as it is now; <see cref="FileNotFoundException"/> when it does not exist.</summary>
    public async Task<Stream> OpenReadAsync(string container, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await Container(container, path).GetBlobClient(path)
                .OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            throw new FileNotFoundException($"Blob '{container}/{path}' does not exist.", $"{container}/{path}", exception);
        }
    }

    public IAsyncEnumerable<string> ListAsync(string container, string prefix, CancellationToken cancellationToken) =>
        ListAsync(container, prefix, pageSize: null, cancellationToken);

    /// <summary>Names of the blobs under <paramref name="prefix"/>, one service page at a time; none when the container is missing.</summary>
    public IAsyncEnumerable<string> ListAsync(string container, string prefix, int? pageSize, CancellationToken cancellationToken) =>
        ListItemsAsync(container, prefix, pageSize, cancellationToken).Select(blob => blob.Name);

    /// <summary>The blobs under <paramref name="prefix"/> with their size and ETag (which changes with every write).</summary>
    public IAsyncEnumerable<BlobEntry> ListEntriesAsync(string container, string prefix, CancellationToken cancellationToken) =>
        ListItemsAsync(container, prefix, pageSize: null, cancellationToken)
            .Select(blob => new BlobEntry(blob.Name, blob.Properties.ContentLength ?? 0, blob.Properties.ETag?.ToString() ?? ""));

    private async IAsyncEnumerable<BlobItem> ListItemsAsync(
        string container, string prefix, int? pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = Container(container).GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).AsPages(pageSizeHint: pageSize);
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (await NextPageAsync(enumerator).ConfigureAwait(false))
        {
            foreach (var blob in enumerator.Current.Values)
            {
                yield return blob;
            }
        }
    }

    public async Task DeleteIfExistsAsync(string container, string path, CancellationToken cancellationToken) =>
        await Container(container, path).GetBlobClient(path).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task<bool> ExistsAsync(string container, string path, CancellationToken cancellationToken) =>
        (await Container(container, path).GetBlobClient(path).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Deletes every blob under <paramref name="prefix"/>, e.g. what an upload stored before it was refused.</summary>
    /// <returns>How many blobs were deleted.</returns>
    public async Task<int> DeletePrefixAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var containerClient = Container(container);
        var deleted = 0;
        await foreach (var name in ListAsync(container, prefix, cancellationToken).ConfigureAwait(false))
        {
            await containerClient.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            deleted++;
        }
        return deleted;
    }

    /// <summary>"container/a/b.jpg" → ("container", "a/b.jpg"); <see cref="ArgumentException"/> when it is not a safe blob path.</summary>
    public static (string Container, string Path) SplitBlobPath(string blobPath) => BlobPath.Split(blobPath);

    private static async Task<bool> NextPageAsync(IAsyncEnumerator<Page<BlobItem>> pages)
    {
        try
        {
            return await pages.MoveNextAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return false;
        }
    }

    private async Task<BlobContainerClient> CreatedContainerAsync(string container, string path, CancellationToken cancellationToken)
    {
        var containerClient = Container(container, path);
        if (!createdContainers.ContainsKey(container))
        {
            await containerClient.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            createdContainers.TryAdd(container, 0);
        }

        return containerClient;
    }

    private BlobContainerClient Container(string container, string path)
    {
        BlobPath.EnsureValidName(path);
        return Container(container);
    }

    private BlobContainerClient Container(string container)
    {
        BlobPath.EnsureValidContainer(container);
        return client.GetBlobContainerClient(container);
    }
}
