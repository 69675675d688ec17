namespace Platform.Storage.Manifests;

/// <summary>
/// Read-only pass-through that calls <paramref name="reject"/> (which throws) with the line number and the reason as
/// soon as a physical line exceeds <see cref="ManifestLimits.MaxLineLength"/> bytes, or the text has more than
/// <see cref="ManifestLimits.MaxLines"/> lines (blank ones too), so that no parser above it ever buffers an unbounded
/// line or spins through endless blank ones.
/// </summary>
internal sealed class LineLimitingStream(Stream inner, ManifestLimits limits, Action<long, string> reject) : ForwardOnlyReadStream
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
            if (data.IsEmpty)
            {
                return;
            }

            if (line > limits.MaxLines)
            {
                reject(line, $"the manifest has more than {limits.MaxLines} lines");
            }

            var newline = data.IndexOf((byte)'\n');
            lineLength += newline < 0 ? data.Length : newline + 1;
            if (lineLength > limits.MaxLineLength)
            {
                reject(line, $"line is longer than {limits.MaxLineLength} bytes");
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
