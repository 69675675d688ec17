namespace Platform.Storage.Manifests;

public enum ManifestFormat
{
    Csv,
    Tsv,
    JsonLines,
}
