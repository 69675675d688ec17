using System.Text;

using Platform.Storage.Manifests;

namespace Platform.Storage.Tests.Manifests;

public class ManifestLimitsTests
{
    [Theory]
    [InlineData(ManifestFormat.Csv, "id,en\na,short\nb,")]
    [InlineData(ManifestFormat.JsonLines, "{\"id\":\"a\"}\n\n{\"id\":\"b\",\"captions\":{\"en\":\"")]
    public async Task A_line_longer_than_the_limit_stops_the_read_with_its_line_number(ManifestFormat format, string prefix)
    {
        var text = prefix + new string('x', 200) + "\n";

        var errors = await Manifest.ErrorsAsync(text, format, new ManifestLimits(MaxLineLength: 100));

        Manifest.AssertErrors(errors, (3, "longer than 100 bytes"));
    }

    [Fact]
    public async Task A_quoted_field_spanning_short_lines_cannot_grow_past_the_line_limit()
    {
        var text = "id,en\na,\"" + string.Concat(Enumerable.Repeat("abcdefgh\n", 50)) + "\"\n";

        var errors = await Manifest.ErrorsAsync(text, ManifestFormat.Csv, new ManifestLimits(MaxLineLength: 100));

        Assert.Contains("longer than the maximum line length", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ManifestFormat.Csv, "id\na\nb\nc\nd\n", 4)]
    [InlineData(ManifestFormat.JsonLines, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n", 3)]
    public async Task More_items_than_the_limit_are_rejected(ManifestFormat format, string text, long line)
    {
        var errors = await Manifest.ErrorsAsync(text, format, new ManifestLimits(MaxItems: 2));

        Manifest.AssertErrors(errors, (line, "more than 2 items"));
    }

    [Theory]
    [InlineData(ManifestFormat.Csv, "id\na\n\n\n\nb\n")]
    [InlineData(ManifestFormat.JsonLines, "{\"id\":\"a\"}\n\n\n\n{\"id\":\"b\"}\n")]
    public async Task More_lines_than_the_limit_are_rejected_even_when_they_are_blank(ManifestFormat format, string text)
    {
        var errors = await Manifest.ErrorsAsync(text, format, new ManifestLimits(MaxLines: 4));

        Manifest.AssertErrors(errors, (5, "more than 4 lines"));
    }

    [Fact]
    public async Task A_manifest_of_exactly_the_line_limit_is_accepted()
    {
        var items = await Manifest.ReadAsync("id\na\nb\n", ManifestFormat.Csv, new ManifestLimits(MaxLines: 3));

        Assert.Equal(["a", "b"], items.Select(item => item.Key));
    }

    [Fact]
    public async Task At_most_the_configured_number_of_errors_is_collected()
    {
        var text = "id,en\n" + string.Concat(Enumerable.Repeat(",no id\n", 100));

        var errors = await Manifest.ErrorsAsync(text, ManifestFormat.Csv, new ManifestLimits(MaxErrorsReported: 5));

        Assert.Equal([2L, 3L, 4L, 5L, 6L], errors.Select(e => e.LineNumber));
    }

    [Theory]
    [InlineData(ManifestFormat.Csv)]
    [InlineData(ManifestFormat.JsonLines)]
    public async Task Text_that_is_not_utf8_is_rejected(ManifestFormat format)
    {
        var bytes = Encoding.UTF8.GetBytes(format == ManifestFormat.Csv ? "id,en\na," : "{\"id\":\"").Concat(new byte[] { 0xC3, 0x28, 0xFF, (byte)'\n' }).ToArray();

        var error = Assert.Single(await Manifest.ErrorsAsync(bytes, format));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/csv", ManifestFormat.Csv)]
    [InlineData("text/csv; charset=utf-8", ManifestFormat.Csv)]
    [InlineData("TEXT/TAB-SEPARATED-VALUES", ManifestFormat.Tsv)]
    [InlineData("application/x-ndjson", ManifestFormat.JsonLines)]
    [InlineData("application/jsonl; charset=UTF-8", ManifestFormat.JsonLines)]
    [InlineData("application/x-jsonlines", ManifestFormat.JsonLines)]
    [InlineData("application/json", null)]
    [InlineData("not a media type", null)]
    [InlineData(null, null)]
    public void Content_types_map_to_formats(string? contentType, ManifestFormat? expected)
    {
        Assert.Equal(expected, ManifestReader.FormatFromContentType(contentType));
    }
}
