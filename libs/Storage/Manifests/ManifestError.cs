namespace Platform.Storage.Manifests;

public sealed record ManifestError(long LineNumber, string Message)
{
    public override string ToString() => $"line {LineNumber}: {Message}";
}
