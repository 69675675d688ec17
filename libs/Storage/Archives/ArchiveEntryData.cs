namespace Platform.Storage.Archives;

/// <summary>A regular file in an archive: its normalised relative path ('/'-separated) and its declared length.</summary>
public sealed record ArchiveEntryData(string Path, long Length);
