using System.Net.Http.Headers;

namespace Platform.Storage;

internal static class MediaType
{
    /// <summary>The media type of a Content-Type value, lower-cased and without parameters; null when unparseable.</summary>
    public static string? Of(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;
}
