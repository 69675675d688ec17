namespace Platform.Storage.Archives;

/// <summary>Counts entries and the bytes callers actually read out of them, across one archive.</summary>
internal sealed class ArchiveBudget(ArchiveLimits limits)
{
    private int entries;
    private long totalBytes;

    public void CountEntry()
    {
        if (++entries > limits.MaxEntries)
        {
            throw TooManyEntries();
        }
    }

    /// <summary>A zip lists its entries up front: refuse it before the first entry is handed out, not half-way.</summary>
    public void CheckDeclared(IReadOnlyCollection<long> declaredLengths)
    {
        if (declaredLengths.Count > limits.MaxEntries)
        {
            throw TooManyEntries();
        }

        long declaredTotal = 0;
        foreach (var length in declaredLengths)
        {
            declaredTotal += length;
            if (length > limits.MaxTotalUncompressedBytes || declaredTotal > limits.MaxTotalUncompressedBytes)
            {
                throw TooManyBytes();
            }
        }
    }

    /// <summary>Checks a file entry before it is opened; its bytes are then counted through <see cref="LimitedEntryStream"/>.</summary>
    public void Admit(string path, long declaredLength)
    {
        if (path.Length == 0)
        {
            throw ArchiveEntryPath.Rejected(path, "has an empty path");
        }

        if (declaredLength > limits.MaxEntryBytes)
        {
            throw TooLarge(path);
        }
    }

    public void Count(string path, long entryBytes, int read)
    {
        if (entryBytes > limits.MaxEntryBytes)
        {
            throw TooLarge(path);
        }

        totalBytes += read;
        if (totalBytes > limits.MaxTotalUncompressedBytes)
        {
            throw TooManyBytes();
        }
    }

    private ArchiveRejectedException TooManyEntries() => new($"The archive has more than {limits.MaxEntries} entries.");

    private ArchiveRejectedException TooManyBytes() =>
        new($"The archive holds more than {limits.MaxTotalUncompressedBytes} bytes once decompressed.");

    private ArchiveRejectedException TooLarge(string path) =>
        ArchiveEntryPath.Rejected(path, $"is larger than {limits.MaxEntryBytes} bytes");
}
