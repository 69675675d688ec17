using System.Globalization;

using CsvHelper;
using CsvHelper.Configuration;

namespace Platform.Storage.Manifests;

/// <summary>
/// CSV records with the physical line each one starts on. CsvHelper's RawRow is where a record ends (quoted fields may
/// span lines, and it is off by one for an unterminated quote), so lines are counted here from the raw records,
/// blank ones included and then skipped.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly CsvParser parser;
    private long nextLine = 1;

    public CsvRecordReader(TextReader reader, string delimiter, int maxFieldLength, Action<long> onBadQuoting)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            DetectDelimiter = false,
            IgnoreBlankLines = false,
            MaxFieldSize = maxFieldLength,
            BadDataFound = _ => onBadQuoting(Line),
        };
        parser = new CsvParser(reader, configuration);
    }

    /// <summary>The line the current record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>The line after the last one read; where a record being read starts.</summary>
    public long NextLine => nextLine;

    public async Task<string[]?> ReadAsync()
    {
        while (await parser.ReadAsync().ConfigureAwait(false))
        {
            Line = nextLine;
            nextLine += LineBreaks(parser.RawRecord);
            var record = parser.Record!;
            if (record is not [var only] || !string.IsNullOrWhiteSpace(only))
            {
                return record;
            }
        }

        return null;
    }

    public void Dispose() => parser.Dispose();

    private static int LineBreaks(ReadOnlySpan<char> raw)
    {
        var breaks = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                breaks++;
            }
        }

        return breaks;
    }
}
