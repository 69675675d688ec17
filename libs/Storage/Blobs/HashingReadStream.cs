using System.Security.Cryptography;

namespace Platform.Storage.Blobs;

/// <summary>
/// Computes SHA-256 and length of what is read through it. Not seekable on purpose: the Azure SDK then buffers each
/// block itself and retries from that buffer, so every byte passes through here exactly once.
/// </summary>
internal sealed class HashingReadStream(Stream inner) : ForwardOnlyReadStream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public string Sha256Hex() => Convert.ToHexStringLower(hash.GetCurrentHash());

    public override int Read(Span<byte> buffer) => Observe(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Observe(buffer.Span[..read]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Observe(ReadOnlySpan<byte> data)
    {
        hash.AppendData(data);
        BytesRead += data.Length;
        return data.Length;
    }
}
