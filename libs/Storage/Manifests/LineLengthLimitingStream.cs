namespace Platform.Storage.Manifests;

/// <summary>
/// Read-only pass-through that calls <paramref name="onLineTooLong"/> (which throws) as soon as a physical line
/// exceeds <paramref name="maxLineLength"/> bytes, so that no parser above it ever buffers an unbounded line.
/// </summary>
internal sealed class LineLengthLimitingStream(Stream inner, int maxLineLength, Action<long> onLineTooLong) : Stream
{
    private long line = 1;
    private long lineLength;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Inspect(ReadOnlySpan<byte> data)
    {
        while (true)
        {
            var newline = data.IndexOf((byte)'\n');
            lineLength += newline < 0 ? data.Length : newline + 1;
            if (lineLength > maxLineLength)
            {
                onLineTooLong(line);
            }

            if (newline < 0)
            {
                return;
            }

            line++;
            lineLength = 0;
            data = data[(newline + 1)..];
        }
    }
}
