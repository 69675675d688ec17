namespace Platform.Storage.Manifests;

/// <summary>One dataset item; <paramref name="Captions"/> maps a language code to its reference captions.</summary>
public sealed record ManifestItem(
    long LineNumber,
    string Key,
    string? Image,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Captions)
{
    /// <summary>
    /// Its line has errors too: the read will end in a <see cref="ManifestFormatException"/>. The item is yielded all the
    /// same so that its id can be checked against the others; its image and captions may be invalid or incomplete.
    /// </summary>
    public bool HasErrors { get; init; }
}
