using System.Text;

using Platform.Storage.Manifests;

namespace Platform.Storage.Tests.Manifests;

public class CsvManifestTests
{
    [Fact]
    public async Task Reads_ids_images_and_captions_with_repeated_language_columns_as_references()
    {
        var items = await Manifest.ReadAsync(
            "id,image,en,en,fr\na,photos/cats/1.jpg,a cat,a kitten,un chat\nb,https://example.com/b.png,a dog,,\n",
            ManifestFormat.Csv);

        Assert.Equal(2, items.Count);
        Assert.Equal((2L, "a", "photos/cats/1.jpg"), (items[0].LineNumber, items[0].Key, items[0].Image));
        Assert.Equal(["a cat", "a kitten"], items[0].Captions["en"]);
        Assert.Equal(["un chat"], items[0].Captions["fr"]);
        Assert.Equal("https://example.com/b.png", items[1].Image);
        Assert.Equal(["a dog"], items[1].Captions["en"]);
        Assert.False(items[1].Captions.ContainsKey("fr"));
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_newlines_and_quotes_and_report_the_line_a_record_starts_on()
    {
        var items = await Manifest.ReadAsync(
            "id,en\n\"a,1\",\"line one\nline two\"\nb,\"she said \"\"hi\"\"\"\n  \nc,plain\n",
            ManifestFormat.Csv);

        Assert.Equal(["a,1", "b", "c"], items.Select(i => i.Key));
        Assert.Equal([2L, 4L, 6L], items.Select(i => i.LineNumber));
        Assert.Equal("line one\nline two", items[0].Captions["en"].Single());
        Assert.Equal("she said \"hi\"", items[1].Captions["en"].Single());
    }

    [Fact]
    public async Task Errors_after_a_multi_line_record_name_the_line_the_bad_record_starts_on()
    {
        var errors = await Manifest.ErrorsAsync("id,en\na,\"x\ny\nz\"\n,\"p\nq\"\n", ManifestFormat.Csv);

        Manifest.AssertErrors(errors, (5, "missing id"));
    }

    [Fact]
    public async Task An_id_is_limited_in_utf8_bytes_not_characters()
    {
        var fits = new string('a', 1024);
        var tooLong = new string('é', 513);

        var errors = await Manifest.ErrorsAsync($"id,en\n{fits},x\n{tooLong},y\n", ManifestFormat.Csv);

        Manifest.AssertErrors(errors, (3, "the id is longer than 1024 bytes"));
    }

    [Fact]
    public async Task Reads_tsv_with_a_bom_and_crlf_line_endings()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id\timage\tde_DE\r\nx\timgs/x.jpg\tein Hund, braun\r\n")).ToArray();

        var item = Assert.Single(await Manifest.ReadAsync(new MemoryStream(bytes), ManifestFormat.Tsv));

        Assert.Equal(("x", "imgs/x.jpg", 2L), (item.Key, item.Image, item.LineNumber));
        Assert.Equal(["ein Hund, braun"], item.Captions["de_DE"]);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("id,en\n", 2)]
    [InlineData("id,en\r\n\r\n", 3)]
    public async Task A_manifest_without_items_is_rejected(string text, long line)
    {
        Manifest.AssertErrors(await Manifest.ErrorsAsync(text, ManifestFormat.Csv), (line, "no items"));
    }

    [Fact]
    public async Task Every_unknown_column_is_named_on_line_one()
    {
        var errors = await Manifest.ErrorsAsync("id,caption,en,EN,image\na,x,y,z,imgs/a.jpg\n", ManifestFormat.Csv);

        Manifest.AssertErrors(errors, (1, "unknown column 'caption'"), (1, "unknown column 'EN'"));
    }

    [Theory]
    [InlineData("image,en\nimgs/a.jpg,x\n", "missing required column 'id'")]
    [InlineData("id,id,en\na,a,x\n", "column 'id' appears more than once")]
    public async Task A_header_without_exactly_one_id_column_is_rejected(string text, string message)
    {
        Manifest.AssertErrors(await Manifest.ErrorsAsync(text, ManifestFormat.Csv), (1, message));
    }

    [Fact]
    public async Task Bad_rows_are_all_reported_with_their_line_numbers()
    {
        var errors = await Manifest.ErrorsAsync(
            "id,en\na,ok\n,no id\nc,x,extra\nd\ne,\"bad\"quote\"\n", ManifestFormat.Csv);

        Manifest.AssertErrors(
            errors,
            (3, "missing id"), (4, "expected 2 fields as in the header, found 3"), (5, "expected 2 fields as in the header, found 1"),
            (6, "bad quoting"));
    }

    [Theory]
    [InlineData("imgs/../secret.jpg", "'..'")]
    [InlineData("../x.jpg", "container '..'")]
    [InlineData("imgs\\x.jpg", "backslash")]
    [InlineData("/etc/passwd", "is not of the form container/path")]
    [InlineData("ftp://example.com/x.jpg", "neither an http(s) URL nor a blob path")]
    [InlineData("file:///etc/passwd", "neither an http(s) URL nor a blob path")]
    [InlineData("imgs//x.jpg", "empty")]
    [InlineData("x.jpg", "is not of the form container/path")]
    public async Task Unsafe_image_references_are_rejected(string image, string message)
    {
        Manifest.AssertErrors(await Manifest.ErrorsAsync($"id,image\na,{image}\n", ManifestFormat.Csv), (2, message));
    }

    [Fact]
    public async Task Items_keep_coming_after_a_bad_line_marked_when_their_own_line_is_bad_and_the_errors_come_at_the_end()
    {
        var (items, errors) = await Manifest.ReadRejectedAsync(
            "id,image\na,imgs/a.jpg\n,imgs/x.jpg\nb,ftp://example.com/b.jpg\nc,x,extra\nd,imgs/d.jpg\na,imgs/a.jpg\n", ManifestFormat.Csv);

        // Line 3 has no id and line 5 no reliable one; a repeated id is the caller's to find (line 7).
        Assert.Equal([(2L, "a", false), (4L, "b", true), (6L, "d", false), (7L, "a", false)], items.Select(i => (i.LineNumber, i.Key, i.HasErrors)));
        Manifest.AssertErrors(errors, (3, "missing id"), (4, "neither an http(s) URL nor a blob path"), (5, "expected 2 fields"));
    }

    [Fact]
    public async Task An_unterminated_quote_is_reported_on_the_line_it_opens()
    {
        var errors = await Manifest.ErrorsAsync("id,en\na,ok\nb,\"never closed\nc,x\n", ManifestFormat.Csv);

        Manifest.AssertErrors(errors, (3, "bad quoting"));
    }

    [Fact]
    public async Task Header_names_may_be_padded_with_spaces()
    {
        var item = Assert.Single(await Manifest.ReadAsync(" id , en \na,a cat\n", ManifestFormat.Csv));

        Assert.Equal(["a cat"], item.Captions["en"]);
    }
}
