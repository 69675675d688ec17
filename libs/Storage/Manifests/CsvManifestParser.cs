using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using CsvHelper;
using CsvHelper.Configuration;

namespace Platform.Storage.Manifests;

internal static class CsvManifestParser
{
    public static async IAsyncEnumerable<ManifestItem> ReadAsync(
        Stream manifest, string delimiter, ManifestLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var validation = new ManifestValidation(limits);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            DetectDelimiter = false,
            MaxFieldSize = limits.MaxLineLength,
            BadDataFound = args => validation.Report(StartLine(args.Context.Parser!), "a quote inside an unquoted field; quote the whole field and double the inner quotes"),
        };
        using var reader = validation.OpenReader(manifest);
        using var parser = new CsvParser(reader, configuration);
        if (!await ReadAsync(parser, validation).ConfigureAwait(false))
        {
            validation.Complete(nextLine: 1);
            yield break;
        }

        var columns = ManifestColumns.Parse(parser.Record!, validation);
        var lastLine = parser.RawRow;
        while (!validation.ShouldStop && await ReadAsync(parser, validation).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = StartLine(parser);
            lastLine = parser.RawRow;
            var record = parser.Record!;
            if (record.Length != columns.Count)
            {
                validation.Report(line, $"expected {columns.Count} fields as in the header, found {record.Length}");
                continue;
            }

            var image = columns.Image >= 0 ? record[columns.Image] : null;
            if (validation.Accept(line, record[columns.Id], image, columns.Captions(record)) is { } item)
            {
                yield return item;
            }
        }

        validation.Complete(nextLine: lastLine + 1);
    }

    private static async Task<bool> ReadAsync(CsvParser parser, ManifestValidation validation)
    {
        try
        {
            return await parser.ReadAsync().ConfigureAwait(false);
        }
        catch (MaxFieldSizeException)
        {
            throw validation.Fatal(parser.RawRow, "a field is longer than the maximum line length");
        }
        catch (DecoderFallbackException)
        {
            throw validation.Fatal(parser.RawRow, "the manifest is not valid UTF-8 text");
        }
    }

    /// <summary>CsvHelper counts the line a record ends on; quoted fields may span lines, and users need the first.</summary>
    private static long StartLine(IParser parser)
    {
        var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        var breaks = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                breaks++;
            }
        }

        return parser.RawRow - breaks;
    }
}
