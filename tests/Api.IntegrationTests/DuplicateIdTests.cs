using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Api.IntegrationTests.Infrastructure;

namespace Platform.Api.IntegrationTests;

/// <summary>
/// Repeated ids are found by PostgreSQL's unique constraint after the COPY, not by the reader, and reported with the
/// reader's own errors, in line order, as one 400 that creates nothing.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class DuplicateIdTests(StackFixture stack)
{
    private const int MaxErrorsReported = 50;

    private async Task<List<(long Line, string Message)>> RejectedErrorsAsync(string manifest, string contentType = "text/csv")
    {
        var datasetsBefore = await stack.Database.CountAsync("SELECT count(*) FROM datasets");

        var response = await stack.Client.PostAsync("/v1/datasets?name=duplicates", new StringContent(manifest, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
        Assert.Equal(datasetsBefore, await stack.Database.CountAsync("SELECT count(*) FROM datasets"));
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM dataset_items i WHERE NOT EXISTS (SELECT 1 FROM datasets d WHERE d.id = i.dataset_id)"));
        return problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("lineNumber").GetInt64(), e.GetProperty("message").GetString()!))
            .ToList();
    }

    [Fact]
    public async Task A_repeated_id_in_a_csv_manifest_is_reported_on_its_line_with_the_first_line()
    {
        var errors = await RejectedErrorsAsync("id,image\na,https://images.example/a.jpg\nb,https://images.example/b.jpg\n\nc,\"https://images.example/c.jpg\"\na,https://images.example/a2.jpg\n");

        Assert.Equal([(6L, "duplicate id 'a' (first on line 2)")], errors);
    }

    [Fact]
    public async Task A_repeated_id_in_a_jsonl_manifest_is_reported_on_its_line_numbers_included()
    {
        var manifest = """
            {"id": 7, "image": "https://images.example/7.jpg"}
            {"id": "x"}

            {"id": "7", "captions": {"en": "a cat"}}
            """;

        var errors = await RejectedErrorsAsync(manifest, "application/x-ndjson");

        Assert.Equal([(4L, "duplicate id '7' (first on line 1)")], errors);
    }

    [Fact]
    public async Task Repeats_after_and_on_bad_lines_are_reported_with_the_readers_errors_in_line_order()
    {
        var errors = await RejectedErrorsAsync(string.Join('\n',
            "id,image",
            "a,ftp://images.example/a.jpg",
            ",https://images.example/none.jpg",
            "b,https://images.example/b.jpg",
            "a,https://images.example/a2.jpg",
            "b,imgs/../b.jpg",
            "c,x,extra",
            "c,https://images.example/c.jpg") + "\n");

        Assert.Equal(
            [
                (2L, "image 'ftp://images.example/a.jpg' is neither an http(s) URL nor a blob path"),
                (3L, "missing id"),
                (5L, "duplicate id 'a' (first on line 2)"),
                (6L, "image 'imgs/../b.jpg' has an empty, '.' or '..' path segment"),
                (6L, "duplicate id 'b' (first on line 4)"),
                (7L, "expected 2 fields as in the header, found 3"),
            ],
            errors);
    }

    [Fact]
    public async Task A_repeat_before_a_line_that_stops_the_read_is_reported_with_it()
    {
        var errors = await RejectedErrorsAsync($"id,en\na,x\nb,y\na,z\nc,{new string('w', 70_000)}\nb,never read\n");

        Assert.Equal([(4L, "duplicate id 'a' (first on line 2)"), (5L, "line is longer than 65536 bytes")], errors);
    }

    [Fact]
    public async Task Every_repeat_of_an_id_names_its_first_line()
    {
        var errors = await RejectedErrorsAsync("id\na\nb\na\nb\na\n");

        Assert.Equal(
            [(4L, "duplicate id 'a' (first on line 2)"), (5L, "duplicate id 'b' (first on line 3)"), (6L, "duplicate id 'a' (first on line 2)")],
            errors);
    }

    [Fact]
    public async Task At_most_the_error_limit_is_reported_the_first_lines_whatever_found_them()
    {
        // Line 2 holds 'a'; then a repeat of 'a' and a line without an id, alternately, 60 of each.
        var manifest = new StringBuilder("id,en\na,first\n");
        for (var i = 0; i < 60; i++)
        {
            manifest.Append("a,again\n,no id\n");
        }

        var errors = await RejectedErrorsAsync(manifest.ToString());

        Assert.Equal(Enumerable.Range(3, MaxErrorsReported).Select(line => (long)line), errors.Select(e => e.Line));
        Assert.Equal(
            Enumerable.Range(3, MaxErrorsReported).Select(line => line % 2 == 1 ? "duplicate id 'a' (first on line 2)" : "missing id"),
            errors.Select(e => e.Message));
    }

    [Fact]
    public async Task A_clean_manifest_stores_the_line_of_each_item()
    {
        var response = await stack.Client.PostAsync(
            "/v1/datasets?name=lines", new StringContent("id,en\na,x\n\nb,\"two\nlines\"\nc,y\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json)).GetProperty("id").GetGuid();
        var items = await stack.Database.QueryAsync(
            "SELECT key, line FROM dataset_items WHERE dataset_id = @id ORDER BY ordinal", r => (r.GetString(0), r.GetInt64(1)), ("id", id));
        Assert.Equal([("a", 2L), ("b", 4L), ("c", 6L)], items);
    }
}
