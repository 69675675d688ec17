using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>Reads an export back with the format's own reader: System.Text.Json, CsvHelper, Parquet.Net.</summary>
public static class ExportFiles
{
    public sealed record Row(long Ordinal, string Key, string Language, string Text);

    public static IReadOnlyList<Row> Read(string format, byte[] content) => format switch
    {
        "jsonl" => ReadJsonLines(content),
        "csv" => ReadCsv(content),
        "parquet" => ReadParquetAsync(content).GetAwaiter().GetResult().Rows,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static IReadOnlyList<Row> ReadJsonLines(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return [.. text[..^1].Split('\n').Select(line =>
        {
            var json = JsonDocument.Parse(line).RootElement;
            return new Row(json.GetProperty("ordinal").GetInt64(), json.GetProperty("key").GetString()!, json.GetProperty("language").GetString()!, json.GetProperty("text").GetString()!);
        })];
    }

    public static IReadOnlyList<Row> ReadCsv(byte[] content)
    {
        using var csv = new CsvReader(new StreamReader(new MemoryStream(content), Encoding.UTF8), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(["ordinal", "key", "language", "text", "score", "flags"], csv.HeaderRecord!);
        var rows = new List<Row>();
        while (csv.Read())
        {
            rows.Add(new Row(csv.GetField<long>("ordinal"), csv.GetField("key")!, csv.GetField("language")!, csv.GetField("text")!));
        }
        return rows;
    }

    public static async Task<(IReadOnlyList<Row> Rows, int RowGroups)> ReadParquetAsync(byte[] content)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(content));
        var fields = reader.Schema.GetDataFields();
        var rows = new List<Row>();
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var count = (int)rowGroup.RowCount;
            var ordinals = new long[count];
            await rowGroup.ReadAsync<long>(Field(fields, "ordinal"), ordinals.AsMemory());
            var keys = await ReadStringsAsync(rowGroup, Field(fields, "key"), count);
            var languages = await ReadStringsAsync(rowGroup, Field(fields, "language"), count);
            var texts = await ReadStringsAsync(rowGroup, Field(fields, "text"), count);
            rows.AddRange(Enumerable.Range(0, count).Select(i => new Row(ordinals[i], keys[i], languages[i], texts[i])));
        }
        return (rows, reader.RowGroupCount);
    }

    private static DataField Field(DataField[] fields, string name) => fields.Single(field => field.Name == name);

    private static async Task<string[]> ReadStringsAsync(ParquetRowGroupReader rowGroup, DataField field, int count)
    {
        var values = new string?[count];
        await rowGroup.ReadAsync(field, values.AsMemory());
        return [.. values.Select(value => value!)];
    }
}
