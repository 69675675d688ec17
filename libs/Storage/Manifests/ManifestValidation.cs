using System.Text;

using Platform.Storage.Blobs;

namespace Platform.Storage.Manifests;

/// <summary>
/// Rules shared by every manifest format: item checks, limits and error collection. Ids are not checked for duplicates
/// here (that would hold every id in memory): the caller stores every item it is given, and the database's unique
/// constraint finds them.
/// </summary>
internal sealed class ManifestValidation(ManifestLimits limits)
{
    /// <summary>PostgreSQL's unique index takes keys up to ~2.7 kB; this leaves room and is plenty for an id.</summary>
    public const int MaxIdBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<ManifestError> errors = [];

    private long items;
    private long lastBadLine;

    public bool ShouldStop => errors.Count >= Math.Max(1, limits.MaxErrorsReported);

    public StreamReader OpenReader(Stream manifest) => new(
        new LineLimitingStream(manifest, limits, (line, reason) => throw Fatal(line, reason)),
        StrictUtf8,
        detectEncodingFromByteOrderMarks: true);

    public void Report(long line, string message)
    {
        lastBadLine = line;
        if (!ShouldStop)
        {
            errors.Add(new ManifestError(line, message));
        }
    }

    /// <summary>Records an error that ends the read; the caller throws what this returns.</summary>
    public ManifestFormatException Fatal(long line, string message)
    {
        errors.Add(new ManifestError(line, message));
        return new ManifestFormatException(errors);
    }

    public void ThrowIfInvalid()
    {
        if (errors.Count > 0)
        {
            throw new ManifestFormatException(errors);
        }
    }

    /// <summary>
    /// The item, or null when it has no id. Items keep coming after bad lines, so that the caller sees every id; an item
    /// whose own line is bad comes marked <see cref="ManifestItem.HasErrors"/>.
    /// </summary>
    public ManifestItem? Accept(long line, string? id, string? image, CaptionsBuilder captions)
    {
        if (++items > limits.MaxItems)
        {
            throw Fatal(line, $"the manifest has more than {limits.MaxItems} items");
        }

        var hasId = !string.IsNullOrWhiteSpace(id);
        if (!hasId)
        {
            Report(line, "missing id");
        }
        else if (Encoding.UTF8.GetByteCount(id!) > MaxIdBytes)
        {
            // Not passed on: PostgreSQL refuses such a key in the unique index, and it would end the whole upload.
            Report(line, $"the id is longer than {MaxIdBytes} bytes");
            hasId = false;
        }

        image = string.IsNullOrWhiteSpace(image) ? null : image;
        if (image is not null && ValidateImage(image) is { } imageError)
        {
            Report(line, imageError);
        }

        // Every error about this line is reported by now: the formats check the rest of a line before its item.
        return hasId ? new ManifestItem(line, id!, image, captions.Captions) { HasErrors = lastBadLine == line } : null;
    }

    public void Complete(long nextLine)
    {
        if (items == 0 && errors.Count == 0)
        {
            errors.Add(new ManifestError(nextLine, "the manifest has no items"));
        }

        ThrowIfInvalid();
    }

    private static string? ValidateImage(string image)
    {
        // On Unix "/x" parses as an absolute file URI; it is neither a URL nor a blob path.
        if (Uri.TryCreate(image, UriKind.Absolute, out var uri) && !image.StartsWith('/'))
        {
            return uri.Scheme is "http" or "https" && uri.Host.Length > 0
                ? null
                : $"image '{image}' is neither an http(s) URL nor a blob path";
        }

        return BlobPath.Validate(image) is { } problem ? $"image '{image}' {problem}" : null;
    }
}
