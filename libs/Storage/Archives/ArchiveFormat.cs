namespace Platform.Storage.Archives;

public enum ArchiveFormat
{
    Zip,
    Tar,
}
