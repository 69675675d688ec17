using System.Net;
using Microsoft.Extensions.Options;
using Platform.Storage.Blobs;

namespace Platform.Storage.Fetching;

/// <summary>
/// Fetches one image named by an http(s) URL or a <c>container/path</c> blob path: bounded in size and time,
/// checked by its leading bytes. Every failure is a <see cref="FetchFailedException"/> with a reason code.
/// </summary>
public sealed class InputFetcher(IHttpClientFactory clients, BlobStore blobs, IOptions<FetchingOptions> options)
{
    public const string HttpClientName = "input-fetching";

    public async Task<byte[]> FetchImageAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bytes = Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? await FetchUrlAsync(uri, cancellationToken)
            : await FetchBlobAsync(source, cancellationToken);
        return ContentSniffer.LooksLikeImage(bytes)
            ? bytes
            : throw new FetchFailedException(FetchFailureReasons.NotAnImage, $"'{source}' is not an image: its first bytes match no JPEG, PNG, GIF, WebP or BMP signature.");
    }

    private async Task<byte[]> FetchUrlAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await HttpFailures.GuardAsync(
            uri, () => clients.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var reason = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone ? FetchFailureReasons.NotFound : FetchFailureReasons.HttpError;
            throw new FetchFailedException(reason, $"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        if (response.Content.Headers.ContentLength > options.Value.MaxBytes)
        {
            throw TooLarge(uri.ToString());
        }
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        read.CancelAfter(options.Value.ReadTimeout);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(read.Token);
            return await ReadCappedAsync(body, uri.ToString(), read.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchFailedException(FetchFailureReasons.Timeout, $"Reading {uri} took longer than {options.Value.ReadTimeout.TotalSeconds:0.#}s.", exception);
        }
        catch (IOException exception)
        {
            throw new FetchFailedException(FetchFailureReasons.HttpError, $"Reading {uri} failed: {exception.Message}", exception);
        }
    }

    private async Task<byte[]> FetchBlobAsync(string blobPath, CancellationToken cancellationToken)
    {
        try
        {
            var (container, path) = BlobStore.SplitBlobPath(blobPath);
            await using var content = await blobs.OpenReadAsync(container, path, cancellationToken);
            return await ReadCappedAsync(content, blobPath, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            throw new FetchFailedException(FetchFailureReasons.InvalidSource, exception.Message, exception);
        }
        catch (FileNotFoundException exception)
        {
            throw new FetchFailedException(FetchFailureReasons.NotFound, exception.Message, exception);
        }
    }

    private async Task<byte[]> ReadCappedAsync(Stream content, string source, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(source);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private FetchFailedException TooLarge(string source) =>
        new(FetchFailureReasons.TooLarge, $"'{source}' is larger than the limit of {options.Value.MaxBytes} bytes.");
}
