using System.Runtime.CompilerServices;
using System.Text;

using CsvHelper;

namespace Platform.Storage.Manifests;

internal static class CsvManifestParser
{
    public static async IAsyncEnumerable<ManifestItem> ReadAsync(
        Stream manifest, string delimiter, ManifestLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var validation = new ManifestValidation(limits);
        using var reader = validation.OpenReader(manifest);
        using var records = new CsvRecordReader(
            reader, delimiter, limits.MaxLineLength,
            line => validation.Report(line, "bad quoting: quote the whole field, double the quotes inside it and close it"));
        if (await ReadAsync(records, validation).ConfigureAwait(false) is not { } header)
        {
            validation.Complete(records.NextLine);
            yield break;
        }

        var columns = ManifestColumns.Parse(header, records.Line, validation);
        while (!validation.ShouldStop && await ReadAsync(records, validation).ConfigureAwait(false) is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record.Length != columns.Count)
            {
                validation.Report(records.Line, $"expected {columns.Count} fields as in the header, found {record.Length}");
                continue;
            }

            var image = columns.Image >= 0 ? record[columns.Image] : null;
            if (validation.Accept(records.Line, record[columns.Id], image, columns.Captions(record)) is { } item)
            {
                yield return item;
            }
        }

        validation.Complete(records.NextLine);
    }

    private static async Task<string[]?> ReadAsync(CsvRecordReader records, ManifestValidation validation)
    {
        try
        {
            return await records.ReadAsync().ConfigureAwait(false);
        }
        catch (MaxFieldSizeException)
        {
            throw validation.Fatal(records.NextLine, "a field is longer than the maximum line length");
        }
        catch (DecoderFallbackException)
        {
            throw validation.Fatal(records.NextLine, "the manifest is not valid UTF-8 text");
        }
    }
}
