namespace Platform.Storage.Archives;

/// <summary>
/// A regular file in an archive: its normalised relative path ('/'-separated), its declared length, and its 1-based
/// number among the archive's entries as <c>tar -tv</c> and <c>unzip -l</c> list them (folders included).
/// </summary>
public sealed record ArchiveEntryData(string Path, long Length, long Number);
