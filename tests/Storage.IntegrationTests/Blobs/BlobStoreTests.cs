using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;

using Azure.Core;
using Azure.Storage.Blobs;

using Microsoft.Extensions.DependencyInjection;

using Platform.Storage.Blobs;

namespace Platform.Storage.IntegrationTests.Blobs;

public sealed class BlobStoreTests : IAsyncLifetime
{
    private readonly string container = Azurite.UniqueContainer();
    private readonly BlobStore store = new(Azurite.Client());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Azurite.Client().GetBlobContainerClient(container).DeleteIfExistsAsync();

    [Fact]
    public async Task Upload_streams_a_multi_block_blob_and_reports_its_sha256_and_length()
    {
        var bytes = RandomNumberGenerator.GetBytes((9 << 20) + 123);

        var requestBody = PipeReader.Create(new ReadOnlySequence<byte>(bytes)).AsStream();

        var stored = await store.UploadAsync(container, "images/big.jpg", requestBody, CancellationToken.None);

        Assert.Equal(new StoredBlob(container, "images/big.jpg", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), stored);
        Assert.Equal(bytes, await ReadAllAsync("images/big.jpg"));
    }

    [Fact]
    public async Task Upload_of_an_empty_stream_stores_an_empty_blob_and_overwrites()
    {
        await store.UploadAsync(container, "a.txt", new MemoryStream([1, 2, 3]), CancellationToken.None);

        var stored = await store.UploadAsync(container, "a.txt", new MemoryStream(), CancellationToken.None);

        Assert.Equal((0L, Convert.ToHexStringLower(SHA256.HashData([]))), (stored.Length, stored.Sha256Hex));
        Assert.Empty(await ReadAllAsync("a.txt"));
    }

    [Fact]
    public async Task List_returns_every_blob_under_the_prefix_across_pages()
    {
        var expected = Enumerable.Range(0, 120).Select(i => $"set/a/{i:D4}.jpg").ToList();
        await Parallel.ForEachAsync(
            expected.Append("set/b/other.jpg").Append("setx.jpg"),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (name, cancellationToken) => await store.UploadAsync(container, name, new MemoryStream([7]), cancellationToken));

        var counter = new ListRequestCounter();
        var options = new BlobClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var counted = new BlobStore(new BlobServiceClient(Azurite.ConnectionString, options));

        var listed = await counted.ListAsync(container, "set/a/", pageSize: 7, CancellationToken.None).ToListAsync();

        Assert.Equal(expected, listed);
        Assert.Equal(18, counter.Requests);
        Assert.Equal(122, await store.ListAsync(container, "set", CancellationToken.None).CountAsync());
    }

    [Fact]
    public async Task A_missing_blob_or_container_is_reported_as_missing()
    {
        await store.UploadAsync(container, "present.jpg", new MemoryStream([1]), CancellationToken.None);

        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(container, "absent.jpg", CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(Azurite.UniqueContainer(), "x.jpg", CancellationToken.None));
        Assert.False(await store.ExistsAsync(container, "absent.jpg", CancellationToken.None));
        Assert.False(await store.ExistsAsync(Azurite.UniqueContainer(), "x.jpg", CancellationToken.None));
        Assert.True(await store.ExistsAsync(container, "present.jpg", CancellationToken.None));
        Assert.Empty(await store.ListAsync(Azurite.UniqueContainer(), "", CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task AddBlobStore_registers_a_working_store()
    {
        await using var services = new ServiceCollection().AddBlobStore(Azurite.ConnectionString).BuildServiceProvider();
        var registered = services.GetRequiredService<BlobStore>();

        await registered.UploadAsync(container, "di.jpg", new MemoryStream([1, 2]), CancellationToken.None);

        Assert.True(await store.ExistsAsync(container, "di.jpg", CancellationToken.None));
        Assert.Same(registered, services.GetRequiredService<BlobStore>());
    }

    private async Task<byte[]> ReadAllAsync(string path)
    {
        await using var stream = await store.OpenReadAsync(container, path, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
