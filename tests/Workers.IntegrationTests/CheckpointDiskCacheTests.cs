using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Storage.Archives;
using Platform.Storage.Blobs;
using Platform.Storage.Checkpoints;
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

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

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
    public async Task A_folder_prefix_and_a_wrapped_zip_are_fetched_once_into_folders_named_by_their_verified_sha256()
    {
        byte[] config = "{\"one\":1}"u8.ToArray();
        var weights = new byte[100];
        await UploadAsync("exports/one/config.json", config);
        await UploadAsync("exports/one/onnx/encoder_model.onnx", weights);
        var folderSha = Sha(Encoding.UTF8.GetBytes($"config.json\t{Sha(config)}\nonnx/encoder_model.onnx\t{Sha(weights)}\n"));
        var zip = Zip(("export/config.json", "{\"two\":2}"), ("export/tokenizer.json", "{}"));
        await UploadAsync("checkpoints/two/export.zip", zip);
        var cache = Cache(maxBytes: 1 << 20);

        var one = await cache.GetAsync(folderSha, $"{container}/exports/one", CancellationToken.None);
        var twice = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cache.GetAsync(Sha(zip), $"{container}/checkpoints/two/export.zip", CancellationToken.None)));

        Assert.Equal(Path.Combine(temp.Path, folderSha), one);
        Assert.Equal(config, await File.ReadAllBytesAsync(Path.Combine(one, "config.json")));
        Assert.Equal(100, new FileInfo(Path.Combine(one, "onnx", "encoder_model.onnx")).Length);
        Assert.All(twice, folder => Assert.Equal(Path.Combine(temp.Path, Sha(zip), "export"), folder));
        Assert.Equal("{\"two\":2}", await File.ReadAllTextAsync(Path.Combine(twice[0], "config.json")));
        Assert.Equal(new[] { folderSha, Sha(zip) }.Order(), Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task An_export_whose_content_does_not_match_its_recorded_sha256_is_refused_and_not_cached()
    {
        await UploadAsync("changed/export.zip", Zip(("config.json", "{}")));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Cache(1 << 20).GetAsync(new string('0', 64), $"{container}/changed/export.zip", CancellationToken.None));

        Assert.Contains("not the 0000", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Least_recently_used_exports_are_evicted_past_the_size_cap()
    {
        var zips = new Dictionary<string, byte[]>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            zips[name] = Zip(("config.json", name + new string('x', 1000)));
            await UploadAsync($"{name}/export.zip", zips[name]);
        }
        var cache = Cache(maxBytes: 2500);

        foreach (var name in new[] { "a", "b", "a", "c" })
        {
            await cache.GetAsync(Sha(zips[name]), $"{container}/{name}/export.zip", CancellationToken.None);
        }

        Assert.Equal(new[] { Sha(zips["a"]), Sha(zips["c"]) }.Order(), Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task An_archive_entry_escaping_the_folder_rejects_the_export_and_leaves_nothing_behind()
    {
        var evil = Zip(("config.json", "{}"), ("../../escaped.txt", "gotcha"));
        await UploadAsync("evil/export.zip", evil);

        await Assert.ThrowsAsync<ArchiveRejectedException>(() => Cache(1 << 20).GetAsync(Sha(evil), $"{container}/evil/export.zip", CancellationToken.None));

        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
        Assert.False(File.Exists(Path.Combine(temp.Path, "..", "escaped.txt")));
    }

    public void Dispose() => temp.Dispose();
}
