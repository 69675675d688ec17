using System.Globalization;
using Platform.Data.Bulk;
using Platform.Storage.Archives;

namespace Platform.Api.Services;

/// <summary>Refuses an archive or a blob prefix that gives the same item key more than once, naming where.</summary>
internal static class RepeatedItems
{
    /// <summary>At most this many repeats are named: the first ones tell the client what is wrong.</summary>
    public const int Described = 10;

    /// <summary>Null when there is no duplicate. Archive items carry their entry number as their line.</summary>
    public static ArchiveRejectedException? InArchive(IReadOnlyList<DuplicateKey> duplicates) => duplicates.Count == 0
        ? null
        : new($"The archive holds {Describe(duplicates, "entries")}.{More(duplicates)}");

    /// <summary>Null when there is no duplicate. Blob-prefix items have no line: they are numbered in listing order.</summary>
    public static ArgumentException? UnderBlobPrefix(string blobPrefix, IReadOnlyList<DuplicateKey> duplicates) => duplicates.Count == 0
        ? null
        : new($"The blobs under '{blobPrefix}' name {Describe(duplicates, "images")}, numbered in listing order: names that differ only in the slashes after the prefix make the same item.{More(duplicates)}");

    /// <summary>"'a.png' more than once (entries 1, 3 and 5) and 'b.png' more than once (entries 2 and 4)".</summary>
    private static string Describe(IReadOnlyList<DuplicateKey> duplicates, string positions) => And(duplicates
        .GroupBy(d => d.Key, StringComparer.Ordinal)
        .Select(key => $"'{key.Key}' more than once ({positions} {And([Position(key.First().FirstLine, key.First().FirstOrdinal), .. key.Select(d => Position(d.Line, d.Ordinal))])})"));

    private static string More(IReadOnlyList<DuplicateKey> duplicates) =>
        duplicates.Count >= Described ? $" Only the first {Described} repeats are listed." : "";

    private static string Position(long? line, long ordinal) => (line ?? ordinal + 1).ToString(CultureInfo.InvariantCulture);

    private static string And(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }
}
