namespace Platform.Storage.Archives;

/// <summary>Bounds on entries (directories included) and on the bytes actually decompressed, whatever the headers declare.</summary>
public sealed record ArchiveLimits(int MaxEntries = 1_000_000, long MaxTotalUncompressedBytes = 100L << 30, long MaxEntryBytes = 256L << 20);
