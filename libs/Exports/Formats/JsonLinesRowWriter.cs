using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.Exports.Formats;

/// <summary>One JSON object per line (UTF-8, <c>\n</c>), written to the stream in chunks of about 64 KiB.</summary>
internal sealed class JsonLinesRowWriter : IExportRowWriter
{
    private const int FlushBytes = 64 << 10;
    private readonly Stream destination;
    private readonly bool hasSource;
    private readonly ArrayBufferWriter<byte> buffer = new(FlushBytes * 2);
    private readonly Utf8JsonWriter json;

    public JsonLinesRowWriter(Stream destination, bool hasSource)
    {
        this.destination = destination;
        this.hasSource = hasSource;
        // Captions stay readable (no \u escapes for accents or CJK); quotes and control characters are still escaped.
        json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public async ValueTask WriteAsync(ExportRow row, CancellationToken cancellationToken)
    {
        json.Reset();
        json.WriteStartObject();
        json.WriteNumber(ExportColumns.Ordinal, row.Ordinal);
        json.WriteString(ExportColumns.Key, row.Key);
        json.WriteString(ExportColumns.Language, row.Language);
        json.WriteString(ExportColumns.Text, row.Text);
        if (hasSource)
        {
            json.WriteString(ExportColumns.Source, row.Source);
        }
        if (row.Score is { } score)
        {
            json.WriteNumber(ExportColumns.Score, score);
        }
        else
        {
            json.WriteNull(ExportColumns.Score);
        }
        json.WriteStartArray(ExportColumns.Flags);
        foreach (var flag in row.Flags)
        {
            json.WriteStringValue(flag);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        buffer.Write("\n"u8);
        if (buffer.WrittenCount >= FlushBytes)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken) => await FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => json.DisposeAsync();

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await destination.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }
}
