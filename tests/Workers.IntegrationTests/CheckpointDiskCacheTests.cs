using System.IO.Compression;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Storage.Archives;
using Platform.Storage.Blobs;
using Platform.Workers.Checkpoints;
using Platform.Workers.IntegrationTests.Infrastructure;
using Platform.Workers.Options;

namespace Platform.Workers.IntegrationTests;

public sealed class CheckpointDiskCacheTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly BlobStore blobs = new(new BlobServiceClient(StackEnvironment.Blobs));
    private readonly string container = $"cache-tests-{Guid.NewGuid():N}";

    private CheckpointDiskCache Cache(long maxBytes) => new(
        new CheckpointDownloader(blobs),
        Microsoft.Extensions.Options.Options.Create(new CheckpointCacheOptions { Directory = temp.Path, MaxBytes = maxBytes }),
        NullLogger<CheckpointDiskCache>.Instance);

    private Task UploadAsync(string path, byte[] content) => blobs.UploadAsync(container, path, new MemoryStream(content), CancellationToken.None);

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return zip.ToArray();
    }

    [Fact]
    public async Task A_folder_prefix_and_a_wrapped_zip_are_fetched_once_into_folders_named_by_sha256()
    {
        await UploadAsync("exports/one/config.json", "{\"one\":1}"u8.ToArray());
        await UploadAsync("exports/one/onnx/encoder_model.onnx", new byte[100]);
        await UploadAsync("checkpoints/two/export.zip", Zip(("export/config.json", "{\"two\":2}"), ("export/tokenizer.json", "{}")));
        var cache = Cache(maxBytes: 1 << 20);

        var one = await cache.GetAsync("aaaa", $"{container}/exports/one", CancellationToken.None);
        var twice = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cache.GetAsync("bbbb", $"{container}/checkpoints/two/export.zip", CancellationToken.None)));

        Assert.Equal(Path.Combine(temp.Path, "aaaa"), one);
        Assert.Equal("{\"one\":1}", await File.ReadAllTextAsync(Path.Combine(one, "config.json")));
        Assert.Equal(100, new FileInfo(Path.Combine(one, "onnx", "encoder_model.onnx")).Length);
        Assert.All(twice, folder => Assert.Equal(Path.Combine(temp.Path, "bbbb", "export"), folder));
        Assert.Equal("{\"two\":2}", await File.ReadAllTextAsync(Path.Combine(twice[0], "config.json")));
        Assert.Equal(["aaaa", "bbbb"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Least_recently_used_exports_are_evicted_past_the_size_cap()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            await UploadAsync($"{name}/export.zip", Zip(("config.json", new string('x', 1000))));
        }
        var cache = Cache(maxBytes: 2500);

        await cache.GetAsync("0a", $"{container}/a/export.zip", CancellationToken.None);
        await cache.GetAsync("0b", $"{container}/b/export.zip", CancellationToken.None);
        await cache.GetAsync("0a", $"{container}/a/export.zip", CancellationToken.None);
        await cache.GetAsync("0c", $"{container}/c/export.zip", CancellationToken.None);

        Assert.Equal(["0a", "0c"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task An_archive_entry_escaping_the_folder_rejects_the_export_and_leaves_nothing_behind()
    {
        await UploadAsync("evil/export.zip", Zip(("config.json", "{}"), ("../../escaped.txt", "gotcha")));

        await Assert.ThrowsAsync<ArchiveRejectedException>(() => Cache(1 << 20).GetAsync("cccc", $"{container}/evil/export.zip", CancellationToken.None));

        Assert.Empty(Directory.GetDirectories(temp.Path));
        Assert.False(File.Exists(Path.Combine(temp.Path, "..", "escaped.txt")));
    }

    public void Dispose() => temp.Dispose();
}
