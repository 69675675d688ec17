using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Storage.Blobs;

namespace Platform.Api.IntegrationTests;

/// <summary>Datasets from each source: a JSON Lines manifest with references and a blob prefix.</summary>
[Collection(StackCollection.Name)]
public sealed class DatasetSourceTests(StackFixture stack)
{
    [Fact]
    public async Task A_jsonl_manifest_keeps_order_and_reference_languages()
    {
        var manifest = """
            {"id": "a", "image": "https://images.example/a.jpg", "captions": {"en": ["a cat", "a kitten"], "fr": "un chat"}}

            {"id": 7, "image": "https://images.example/7.jpg", "captions": {"de": "ein Hund"}}
            """;

        var response = await stack.Client.PostAsync("/v1/datasets?name=jsonl", new StringContent(manifest, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dataset = await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
        var id = dataset.GetProperty("id").GetGuid();
        Assert.Equal(2, dataset.GetProperty("itemCount").GetInt64());
        Assert.Equal(["de", "en", "fr"], dataset.GetProperty("captionLanguages").EnumerateArray().Select(l => l.GetString()!).ToArray());
        Assert.Equal(1, await stack.Database.CountAsync(
            "SELECT count(*) FROM dataset_items WHERE dataset_id = @id AND ordinal = 1 AND key = '7' AND captions -> 'de' ->> 0 = 'ein Hund'", ("id", id)));
        Assert.Equal(1, await stack.Database.CountAsync(
            "SELECT count(*) FROM dataset_items WHERE dataset_id = @id AND ordinal = 0 AND jsonb_array_length(captions -> 'en') = 2", ("id", id)));
    }

    [Fact]
    public async Task A_blob_prefix_becomes_a_dataset_of_its_images_only()
    {
        var container = $"prefix-{Guid.NewGuid():N}"[..30];
        var blobs = stack.Services.GetRequiredService<BlobStore>();
        foreach (var name in new[] { "set/one.png", "set/two.jpg", "set/notes.txt", "set/deeper/three.webp", "other/four.png" })
        {
            await blobs.UploadAsync(container, name, new MemoryStream([1, 2, 3]), CancellationToken.None);
        }

        var response = await stack.Client.PostAsync("/v1/datasets", JsonContent.Create(new { name = "from-prefix", blobPrefix = $"{container}/set/" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json)).GetProperty("id").GetGuid();
        Assert.Equal(3, await stack.Database.CountAsync("SELECT count(*) FROM dataset_items WHERE dataset_id = @id AND image LIKE @prefix", ("id", id), ("prefix", $"{container}/set/%")));
        Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM dataset_items WHERE dataset_id = @id AND key = 'deeper/three.webp'", ("id", id)));
    }

    [Fact]
    public async Task Blobs_under_a_prefix_that_make_the_same_item_are_refused_and_create_nothing()
    {
        var container = $"prefix-{Guid.NewGuid():N}"[..30];
        // BlobStore refuses empty path segments; the service does not, so a client could have written this.
        var client = stack.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        foreach (var name in new[] { "set/one.png", "set//one.png", "set/two.png" })
        {
            await client.GetBlobClient(name).UploadAsync(new BinaryData(new byte[] { 1, 2, 3 }));
        }
        var datasetsBefore = await stack.Database.CountAsync("SELECT count(*) FROM datasets");

        var response = await stack.Client.PostAsync("/v1/datasets", JsonContent.Create(new { name = "repeated", blobPrefix = $"{container}/set/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            $"The blobs under '{container}/set/' name 'one.png' more than once (images 1 and 2), numbered in listing order: names that differ only in the slashes after the prefix make the same item.",
            (await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json)).GetProperty("detail").GetString());
        Assert.Equal(datasetsBefore, await stack.Database.CountAsync("SELECT count(*) FROM datasets"));
    }
}
