using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Storage.Blobs;

namespace Platform.Api.IntegrationTests;

/// <summary>Unsafe archives and inputs over the limits are refused with problem details, and leave nothing behind.</summary>
[Collection(StackCollection.Name)]
public sealed class InputHardeningTests(StackFixture stack)
{
    private const int SymbolicLinkMode = 0xA1FF;

    public static TheoryData<string, string> UnsafeArchives => new()
    {
        { "zip with ../", "application/zip" },
        { "zip with a symlink", "application/zip" },
        { "tar with ../", "application/x-tar" },
        { "tar with an absolute path", "application/x-tar" },
        { "tar with a symlink", "application/x-tar" },
        { "tar with a hard link", "application/x-tar" },
    };

    [Theory]
    [MemberData(nameof(UnsafeArchives))]
    public async Task An_unsafe_archive_entry_after_good_ones_is_400_and_stores_nothing(string archive, string contentType)
    {
        var datasetsBefore = await stack.Database.CountAsync("SELECT count(*) FROM datasets");
        var blobsBefore = await DatasetBlobsAsync();
        var content = new ByteArrayContent(Build(archive));
        content.Headers.ContentType = new(contentType);

        var response = await stack.Client.PostAsync("/v1/datasets?name=unsafe", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Archive entry", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(datasetsBefore, await stack.Database.CountAsync("SELECT count(*) FROM datasets"));
        Assert.Equal(blobsBefore, await DatasetBlobsAsync());
    }

    [Theory]
    [InlineData("application/x-tar")]
    [InlineData("application/zip")]
    public async Task An_archive_holding_a_path_twice_is_400_naming_its_entries_and_stores_nothing(string contentType)
    {
        var datasetsBefore = await stack.Database.CountAsync("SELECT count(*) FROM datasets");
        var blobsBefore = await DatasetBlobsAsync();
        string[] names = ["images/", "images/a.png", "images/b.png", "./images/a.png", "images/c.png", "images//b.png", "images/a.png"];
        var content = new ByteArrayContent(Build(contentType, names));
        content.Headers.ContentType = new(contentType);

        var response = await stack.Client.PostAsync("/v1/datasets?name=repeated", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "The archive holds 'images/a.png' more than once (entries 2, 4 and 7) and 'images/b.png' more than once (entries 3 and 6).",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(datasetsBefore, await stack.Database.CountAsync("SELECT count(*) FROM datasets"));
        Assert.Equal(blobsBefore, await DatasetBlobsAsync());
    }

    [Fact]
    public async Task A_job_over_the_item_limit_is_unprocessable_and_creates_nothing()
    {
        var dataset = await stack.CreateManifestDatasetAsync((int)ApiFactory.MaxItemsPerJob + 1);
        var checkpoint = await stack.RegisterCheckpointAsync();
        var jobsBefore = await stack.Database.CountAsync("SELECT count(*) FROM jobs");

        var response = await stack.Client.PostAsync(
            "/v1/jobs/captions", JsonContent.Create(new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Jobs:MaxItemsPerJob", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(jobsBefore, await stack.Database.CountAsync("SELECT count(*) FROM jobs"));
    }

    private async Task<List<string>> DatasetBlobsAsync()
    {
        var blobs = new List<string>();
        await foreach (var blob in stack.Services.GetRequiredService<BlobStore>().ListAsync(stack.Container, "datasets/", CancellationToken.None))
        {
            blobs.Add(blob);
        }
        return blobs;
    }

    /// <summary>Two good images, then the unsafe entry: a refusal must also undo what the good ones stored.</summary>
    private static byte[] Build(string archive) => archive switch
    {
        "zip with ../" => Zip(("good-1.png", 0), ("good-2.png", 0), ("../escaped.png", 0)),
        "zip with a symlink" => Zip(("good-1.png", 0), ("good-2.png", 0), ("link.png", SymbolicLinkMode << 16)),
        "tar with ../" => Tar(File("good-1.png"), File("good-2.png"), File("../escaped.png")),
        "tar with an absolute path" => Tar(File("good-1.png"), File("good-2.png"), File("/etc/escaped.png")),
        "tar with a symlink" => Tar(File("good-1.png"), File("good-2.png"), new PaxTarEntry(TarEntryType.SymbolicLink, "link.png") { LinkName = "/etc/passwd" }),
        "tar with a hard link" => Tar(File("good-1.png"), File("good-2.png"), new PaxTarEntry(TarEntryType.HardLink, "link.png") { LinkName = "good-1.png" }),
        _ => throw new ArgumentOutOfRangeException(nameof(archive), archive, null),
    };

    /// <summary>Folders (names ending in '/') and files of three bytes, in this order.</summary>
    private static byte[] Build(string contentType, string[] names) => contentType == "application/zip"
        ? Zip(names.Select(name => (name, 0)).ToArray())
        : Tar(names.Select(name => name.EndsWith('/') ? new PaxTarEntry(TarEntryType.Directory, name) : File(name)).ToArray());

    private static PaxTarEntry File(string name) => new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream([1, 2, 3]) };

    private static byte[] Zip(params (string Name, int ExternalAttributes)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, attributes) in entries)
            {
                var entry = zip.CreateEntry(name);
                entry.ExternalAttributes = attributes;
                using var data = entry.Open();
                data.Write(name.EndsWith('/') ? [] : [1, 2, 3]);
            }
        }
        return stream.ToArray();
    }

    private static byte[] Tar(params PaxTarEntry[] entries)
    {
        using var stream = new MemoryStream();
        using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                tar.WriteEntry(entry);
            }
        }
        return stream.ToArray();
    }
}
