namespace Platform.Storage.Manifests;

/// <summary>One dataset item; <paramref name="Captions"/> maps a language code to its reference captions.</summary>
public sealed record ManifestItem(
    long LineNumber,
    string Key,
    string? Image,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Captions);
