using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Api.Options;
using Platform.Storage.Blobs;

namespace Platform.Api.IntegrationTests;

/// <summary>Registration opens the export with ONNX Runtime: a checkpoint that cannot serve its task is refused and leaves nothing behind.</summary>
[Collection(StackCollection.Name)]
public sealed class CheckpointRegistrationTests(StackFixture stack)
{
    private BlobStore Blobs => stack.Services.GetRequiredService<BlobStore>();

    [Fact]
    public async Task A_checkpoint_registered_from_a_blob_records_its_sha256()
    {
        var container = NewContainer();
        var export = CheckpointArchives.For("TextToText");
        await Blobs.UploadAsync(container, "exports/model.zip", new MemoryStream(export), CancellationToken.None);

        var registered = await RegisterAsync("TextToText", $"{container}/exports/model.zip");
        var missing = await RegisterAsync("TextToText", $"{container}/nothing-here");

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var checkpoint = await registered.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(export)), checkpoint.GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
    }

    [Fact]
    public async Task A_checkpoint_registered_from_a_folder_keeps_its_step()
    {
        var container = NewContainer();
        using (var zip = new ZipArchive(new MemoryStream(CheckpointArchives.For("ImageToText"))))
        {
            foreach (var entry in zip.Entries)
            {
                await using var content = entry.Open();
                await Blobs.UploadAsync(container, $"run/ckpt-1200/{entry.FullName}", content, CancellationToken.None);
            }
        }

        var response = await stack.Client.PostAsJsonAsync("/v1/checkpoints/register",
            new { name = "run-1200", task = "ImageToText", blobPath = $"{container}/run/ckpt-1200", step = 1200 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var checkpoint = await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
        Assert.Equal(1200, checkpoint.GetProperty("step").GetInt64());
        Assert.Equal(64, checkpoint.GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public async Task An_upload_that_is_not_a_model_is_refused_and_nothing_is_kept()
    {
        var before = await CountsAsync();

        var notAZip = await UploadAsync("ImageToText", Encoding.UTF8.GetBytes("not a zip at all"));
        var noModels = await UploadAsync("ImageToText", ZipOf(("config.json", "{}"), ("README.md", "weights to follow")));

        await AssertRejectedAsync(notAZip, null);
        await AssertRejectedAsync(noModels, "encoder_model.onnx");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_text_model_registered_for_captioning_is_refused()
    {
        var before = await CountsAsync();

        var response = await UploadAsync("ImageToText", CheckpointArchives.For("TextToText"));

        await AssertRejectedAsync(response, "TextToText");
        Assert.Equal(before, await CountsAsync());
    }

    private static string NewContainer() => $"ckpt-{Guid.NewGuid():N}"[..30];

    private Task<HttpResponseMessage> RegisterAsync(string task, string blobPath) =>
        stack.Client.PostAsJsonAsync("/v1/checkpoints/register", new { name = "registered", task, blobPath });

    private async Task<HttpResponseMessage> UploadAsync(string task, byte[] archive)
    {
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new("application/zip");
        return await stack.Client.PostAsync($"/v1/checkpoints?name=candidate&task={task}", content);
    }

    private static async Task AssertRejectedAsync(HttpResponseMessage response, string? detailMentions)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
        Assert.Equal("Checkpoint failed validation", problem.GetProperty("title").GetString());
        if (detailMentions is not null)
        {
            Assert.Contains(detailMentions, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>Checkpoint rows, and uploaded exports in the Api's container.</summary>
    private async Task<(long Rows, int Blobs)> CountsAsync()
    {
        var container = stack.Services.GetRequiredService<IOptions<UploadOptions>>().Value.Container;
        var blobs = 0;
        await foreach (var _ in Blobs.ListAsync(container, "checkpoints/", CancellationToken.None))
        {
            blobs++;
        }
        return (await stack.Database.CountAsync("SELECT count(*) FROM checkpoints"), blobs);
    }

    private static byte[] ZipOf(params (string Name, string Content)[] files)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = new StreamWriter(archive.CreateEntry(name).Open());
                entry.Write(content);
            }
        }
        return zip.ToArray();
    }
}
