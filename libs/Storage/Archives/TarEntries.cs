using System.Formats.Tar;

namespace Platform.Storage.Archives;

internal static class TarEntries
{
    public static async Task ReadAsync(
        Stream archive, ArchiveBudget budget, Func<ArchiveEntryData, Stream, CancellationToken, Task> onEntry, CancellationToken cancellationToken)
    {
        await using var reader = new TarReader(archive, leaveOpen: true);
        long number = 0;
        while (await NextAsync(reader, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            budget.CountEntry();
            if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }

            number++;
            var path = ArchiveEntryPath.Normalize(entry.Name);
            if (entry.EntryType == TarEntryType.Directory)
            {
                continue;
            }

            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
            {
                throw ArchiveEntryPath.Rejected(entry.Name, $"is a {entry.EntryType}, not a regular file");
            }

            budget.Admit(path, entry.Length);
            await using var data = new LimitedEntryStream(entry.DataStream ?? Stream.Null, path, budget);
            await onEntry(new ArchiveEntryData(path, entry.Length, number), data, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<TarEntry?> NextAsync(TarReader reader, CancellationToken cancellationToken)
    {
        try
        {
            // copyData: false streams each entry's data straight from the archive; it is valid until the next entry.
            return await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ArchiveRejectedException($"Not a valid tar archive: {exception.Message}");
        }
    }
}
