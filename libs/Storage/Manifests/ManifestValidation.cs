using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

using Platform.Storage.Blobs;

namespace Platform.Storage.Manifests;

/// <summary>Rules shared by every manifest format: item checks, duplicate ids, limits and error collection.</summary>
internal sealed class ManifestValidation(ManifestLimits limits)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<ManifestError> errors = [];

    // Hashes, not the ids: ~28 bytes per item whatever the id length. A false duplicate needs a 64-bit collision.
    private readonly Dictionary<ulong, long> firstLineOfId = [];
    private long items;

    public bool ShouldStop => errors.Count >= Math.Max(1, limits.MaxErrorsReported);

    public StreamReader OpenReader(Stream manifest) => new(
        new LineLimitingStream(manifest, limits, (line, reason) => throw Fatal(line, reason)),
        StrictUtf8,
        detectEncodingFromByteOrderMarks: true);

    public void Report(long line, string message)
    {
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

    /// <summary>The item when it is valid and no earlier line was bad (the whole manifest is rejected then), else null.</summary>
    public ManifestItem? Accept(long line, string? id, string? image, CaptionsBuilder captions)
    {
        if (++items > limits.MaxItems)
        {
            throw Fatal(line, $"the manifest has more than {limits.MaxItems} items");
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            Report(line, "missing id");
        }
        else
        {
            ref var firstLine = ref CollectionsMarshal.GetValueRefOrAddDefault(
                firstLineOfId, XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan())), out var seen);
            if (seen)
            {
                Report(line, $"duplicate id '{id}' (first on line {firstLine})");
            }
            else
            {
                firstLine = line;
            }
        }

        image = string.IsNullOrWhiteSpace(image) ? null : image;
        if (image is not null && ValidateImage(image) is { } imageError)
        {
            Report(line, imageError);
        }

        return errors.Count == 0 ? new ManifestItem(line, id!, image, captions.Captions) : null;
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
