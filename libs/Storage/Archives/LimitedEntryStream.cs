namespace Platform.Storage.Archives;

/// <summary>
/// What a caller reads an entry through: counts the decompressed bytes (zip bombs lie in their headers) and turns
/// corrupt compressed data into a rejection of the archive.
/// </summary>
internal sealed class LimitedEntryStream(Stream inner, string path, ArchiveBudget budget) : ForwardOnlyReadStream
{
    private long read;

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Counted(inner.Read(buffer));
        }
        catch (InvalidDataException exception)
        {
            throw Corrupt(exception);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (InvalidDataException exception)
        {
            throw Corrupt(exception);
        }
    }

    private int Counted(int bytes)
    {
        read += bytes;
        budget.Count(path, read, bytes);
        return bytes;
    }

    private ArchiveRejectedException Corrupt(InvalidDataException exception) =>
        ArchiveEntryPath.Rejected(path, $"is corrupt: {exception.Message}");
}
