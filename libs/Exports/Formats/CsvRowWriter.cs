using System.Globalization;
using System.Text;
using CsvHelper;

namespace Platform.Exports.Formats;

/// <summary>
/// RFC 4180 CSV (UTF-8 without BOM, CRLF, fields quoted when they hold a comma, quote or line break) with a header row.
/// CsvHelper writes into a small text buffer that is handed to the stream asynchronously in chunks of about 64 KiB, so
/// the destination (a blob upload, an HTTP response) never sees a synchronous write.
/// </summary>
internal sealed class CsvRowWriter : IExportRowWriter
{
    private const int FlushChars = 32 << 10;
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private readonly Stream destination;
    private readonly StringWriter text = new(CultureInfo.InvariantCulture);
    private readonly CsvWriter csv;
    private readonly bool hasSource;

    public CsvRowWriter(Stream destination, bool hasSource)
    {
        this.destination = destination;
        this.hasSource = hasSource;
        csv = new CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Header())
        {
            csv.WriteField(column);
        }
    }

    public async ValueTask WriteAsync(ExportRow row, CancellationToken cancellationToken)
    {
        csv.NextRecord();
        csv.WriteField(row.Ordinal);
        csv.WriteField(row.Key);
        csv.WriteField(row.Language);
        csv.WriteField(row.Text);
        if (hasSource)
        {
            csv.WriteField(row.Source);
        }
        csv.WriteField(row.Score?.ToString("R", CultureInfo.InvariantCulture));
        csv.WriteField(ExportColumns.JoinFlags(row.Flags));
        if (text.GetStringBuilder().Length >= FlushChars)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        csv.NextRecord();
        await FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await csv.DisposeAsync();
        await text.DisposeAsync();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        csv.Flush();
        var chars = text.GetStringBuilder();
        await destination.WriteAsync(Utf8.GetBytes(chars.ToString()), cancellationToken);
        chars.Clear();
    }

    private IEnumerable<string> Header()
    {
        yield return ExportColumns.Ordinal;
        yield return ExportColumns.Key;
        yield return ExportColumns.Language;
        yield return ExportColumns.Text;
        if (hasSource)
        {
            yield return ExportColumns.Source;
        }
        yield return ExportColumns.Score;
        yield return ExportColumns.Flags;
    }
}
