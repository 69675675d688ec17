namespace Platform.Api.Services;

/// <summary>
/// The upload container holds every tenant's uploaded datasets and checkpoints. A caller may name blobs of its own
/// containers (blob-prefix datasets, manifest images, registered checkpoints), never blobs there: that would read
/// another tenant's uploads.
/// </summary>
internal static class UploadContainerGuard
{
    /// <summary>Why <paramref name="reference"/> may not be used, or null: URLs and other containers are fine.</summary>
    public static string? Refusal(string reference, string uploadContainer)
    {
        if (Uri.TryCreate(reference, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return null;
        }
        var container = reference.Split('/', 2)[0];
        return string.Equals(container, uploadContainer, StringComparison.OrdinalIgnoreCase)
            ? $"'{reference}' is in the platform's upload container '{uploadContainer}'; upload the files instead, or name blobs of another container."
            : null;
    }
}
