using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Platform.Storage.Manifests;

internal static class JsonLinesManifestParser
{
    public static async IAsyncEnumerable<ManifestItem> ReadAsync(
        Stream manifest, ManifestLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var validation = new ManifestValidation(limits);
        using var reader = validation.OpenReader(manifest);
        long line = 0;
        while (!validation.ShouldStop && await ReadLineAsync(reader, line + 1, validation, cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text) && Parse(line, text, validation) is { } item)
            {
                yield return item;
            }
        }

        validation.Complete(nextLine: line + 1);
    }

    private static async Task<string?> ReadLineAsync(
        StreamReader reader, long line, ManifestValidation validation, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException)
        {
            throw validation.Fatal(line, "the manifest is not valid UTF-8 text");
        }
    }

    private static ManifestItem? Parse(long line, string text, ManifestValidation validation)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            validation.Report(line, $"invalid JSON at character {exception.BytePositionInLine + 1}");
            return null;
        }

        using (document)
        {
            return JsonManifestObject.ToItem(line, document.RootElement, validation);
        }
    }
}
