using System.Text;

using Platform.Storage.Manifests;

namespace Platform.Storage.Tests.Manifests;

public class JsonLinesManifestTests
{
    [Fact]
    public async Task Reads_single_and_multiple_references_and_skips_blank_lines()
    {
        var items = await Manifest.ReadAsync(
            """
            {"id": "a", "image": "imgs/a.jpg", "captions": {"en": "a cat", "fr": ["un chat", "un chaton"]}}

            {"id": 42, "image": null}
            """,
            ManifestFormat.JsonLines);

        Assert.Equal([1L, 3L], items.Select(i => i.LineNumber));
        Assert.Equal(["a cat"], items[0].Captions["en"]);
        Assert.Equal(["un chat", "un chaton"], items[0].Captions["fr"]);
        Assert.Equal(("42", null), (items[1].Key, items[1].Image));
        Assert.Empty(items[1].Captions);
    }

    [Fact]
    public async Task Reads_a_bom_and_crlf_line_endings()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"id\":\"a\"}\r\n\r\n{\"id\":\"b\"}\r\n")).ToArray();

        var items = await Manifest.ReadAsync(new MemoryStream(bytes), ManifestFormat.JsonLines);

        Assert.Equal([(1L, "a"), (3L, "b")], items.Select(i => (i.LineNumber, i.Key)));
    }

    [Fact]
    public async Task Every_bad_line_is_reported_with_its_line_number()
    {
        var errors = await Manifest.ErrorsAsync(
            """
            {"id": "a"}
            {"id": "b",
            ["not", "an", "object"]
            {"id": "c", "label": 1}
            {"id": "d", "captions": {"English": "x"}}
            {"id": "e", "captions": {"en": 5}}
            {"id": true}
            {"image": "imgs/x.jpg"}
            {"id": "f", "captions": ["x"]}
            """,
            ManifestFormat.JsonLines);

        Manifest.AssertErrors(
            errors,
            (2, "invalid JSON"), (3, "expected a JSON object"), (4, "unknown property 'label'"), (5, "'English' is not a language code"),
            (6, "captions of 'en' must be a string or a list of strings"), (7, "'id' must be a string"), (7, "missing id"),
            (8, "missing id"), (9, "'captions' must be an object"));
    }

    [Fact]
    public async Task Every_line_with_an_id_is_yielded_after_bad_lines_marked_when_its_own_line_is_bad()
    {
        var (items, errors) = await Manifest.ReadRejectedAsync(
            """
            {"id": "a", "captions": {"en": "a cat"}}
            {"id": "b",
            {"id": "c", "label": 1}
            {"id": "a", "captions": {"en": "again"}}
            {"image": "imgs/x.jpg"}
            {"id": 7}
            """,
            ManifestFormat.JsonLines);

        Assert.Equal([(1L, "a", false), (3L, "c", true), (4L, "a", false), (6L, "7", false)], items.Select(i => (i.LineNumber, i.Key, i.HasErrors)));
        Manifest.AssertErrors(errors, (2, "invalid JSON"), (3, "unknown property 'label'"), (5, "missing id"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public async Task A_manifest_without_items_is_rejected(string text)
    {
        var error = Assert.Single(await Manifest.ErrorsAsync(text, ManifestFormat.JsonLines));

        Assert.Contains("no items", error.Message, StringComparison.Ordinal);
    }

}
