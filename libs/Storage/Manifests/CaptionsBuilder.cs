namespace Platform.Storage.Manifests;

internal sealed class CaptionsBuilder
{
    private readonly Dictionary<string, IReadOnlyList<string>> captions = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Captions => captions;

    /// <summary>Blank captions are skipped: an empty cell means "no reference", not an empty reference.</summary>
    public void Add(string language, string? caption)
    {
        if (string.IsNullOrWhiteSpace(caption))
        {
            return;
        }

        captions[language] = captions.TryGetValue(language, out var existing) ? [.. existing, caption] : [caption];
    }
}
