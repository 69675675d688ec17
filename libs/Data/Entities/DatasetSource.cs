namespace Platform.Data.Entities;

public enum DatasetSource
{
    Archive,
    Manifest,
    BlobPrefix,
}
