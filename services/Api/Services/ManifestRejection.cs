using Platform.Data.Bulk;
using Platform.Storage.Manifests;

namespace Platform.Api.Services;

/// <summary>
/// Everything wrong with a manifest, first lines first, at most <paramref name="maxErrors"/>: the reader's errors, images
/// refused on the way, and the duplicate ids the database found once every item was in.
/// </summary>
internal sealed class ManifestRejection(int maxErrors)
{
    private readonly List<ManifestError> errors = [];
    private int refused;

    /// <summary>The reader stops at its own limit of errors; what it found is kept whole.</summary>
    public void Add(ManifestFormatException invalid) => errors.AddRange(invalid.Errors);

    /// <summary>Refusals come in line order: past the limit, none could be among the first lines reported.</summary>
    public void Refuse(long line, string reason)
    {
        if (refused++ < maxErrors)
        {
            errors.Add(new ManifestError(line, reason));
        }
    }

    public ManifestFormatException? ToException(IReadOnlyList<DuplicateKey> duplicates)
    {
        var all = errors
            .Concat(duplicates.Select(d => new ManifestError(d.Line ?? 0, $"duplicate id '{d.Key}' (first on line {d.FirstLine})")))
            .OrderBy(error => error.LineNumber)
            .Take(maxErrors)
            .ToList();
        return all.Count == 0 ? null : new ManifestFormatException(all);
    }
}
