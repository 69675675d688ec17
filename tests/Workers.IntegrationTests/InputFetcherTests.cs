using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ModelBuilder;
using Platform.Storage.Blobs;
using Platform.Storage.Fetching;
using Platform.Workers.IntegrationTests.Infrastructure;

namespace Platform.Workers.IntegrationTests;

[Collection(WorkersCollection.Name)]
public sealed class InputFetcherTests(WorkersFixture stack)
{
    private static ServiceProvider Fetching(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Fetching:{s.Key}", s.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddBlobStore(StackEnvironment.Blobs)
            .AddInputFetching()
            .BuildServiceProvider();
    }

    [Fact]
    public async Task Loopback_urls_are_refused_at_connect_time_with_blocked_address_unless_private_networks_are_allowed()
    {
        var name = $"{Guid.NewGuid():N}.png";
        var png = SyntheticImages.Draw("green", "triangle");
        stack.Images.Add(name, png);
        var byAddress = stack.Images.Url($"/images/{name}");
        var byName = byAddress.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await using var blocked = Fetching(("AllowPrivateNetworks", "false"));
        var fetcher = blocked.GetRequiredService<InputFetcher>();

        foreach (var url in new[] { byAddress, byName })
        {
            var error = await Assert.ThrowsAsync<FetchFailedException>(() => fetcher.FetchImageAsync(url, CancellationToken.None));
            Assert.Equal(FetchFailureReasons.BlockedAddress, error.Reason);
        }
        Assert.Equal(0, stack.Images.HitsOf($"/images/{name}"));

        await using var allowed = Fetching(("AllowPrivateNetworks", "true"));
        Assert.Equal(png, await allowed.GetRequiredService<InputFetcher>().FetchImageAsync(byName, CancellationToken.None));
        Assert.Equal(1, stack.Images.HitsOf($"/images/{name}"));
    }

    [Fact]
    public async Task Oversized_missing_and_malformed_sources_fail_with_their_reason()
    {
        var name = $"{Guid.NewGuid():N}.png";
        var large = SyntheticImages.Draw("red", "square", size: 256);
        stack.Images.Add(name, large);
        await using var services = Fetching(("AllowPrivateNetworks", "true"), ("MaxBytes", (large.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var fetcher = services.GetRequiredService<InputFetcher>();
        var container = $"fetch-tests-{Guid.NewGuid():N}";
        await services.GetRequiredService<BlobStore>().UploadAsync(container, "big.png", new MemoryStream(large), CancellationToken.None);

        Assert.Equal(FetchFailureReasons.TooLarge, (await ReasonAsync(fetcher, stack.Images.Url($"/images/{name}"))));
        Assert.Equal(FetchFailureReasons.TooLarge, (await ReasonAsync(fetcher, $"{container}/big.png")));
        Assert.Equal(FetchFailureReasons.NotFound, (await ReasonAsync(fetcher, $"{container}/missing.png")));
        Assert.Equal(FetchFailureReasons.InvalidSource, (await ReasonAsync(fetcher, "no-container-here")));
    }

    private static async Task<string> ReasonAsync(InputFetcher fetcher, string source) =>
        (await Assert.ThrowsAsync<FetchFailedException>(() => fetcher.FetchImageAsync(source, CancellationToken.None))).Reason;
}
