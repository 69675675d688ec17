namespace Platform.Storage.Manifests;

/// <summary>
/// Read-only pass-through that calls <paramref name="onLineTooLong"/> (which throws) as soon as a physical line
/// exceeds <paramref name="maxLineLength"/> bytes, so that no parser above it ever buffers an unbounded line.
/// </summary>
internal sealed class LineLengthLimitingStream(Stream inner, int maxLineLength, Action<long> onLineTooLong) : ForwardOnlyReadStream
{
    private long line = 1;
    private long lineLength;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Inspect(buffer.Span[..read]);
        return read;
    }

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
