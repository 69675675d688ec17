using Platform.Storage.Manifests;

namespace Platform.Storage.Tests.Manifests;

public class ManifestStreamingTests
{
    [Fact]
    public async Task A_million_line_manifest_is_read_from_a_non_seekable_stream_without_reading_ahead()
    {
        const long Items = 1_000_000;
        var stream = new GeneratedManifestStream(Items);
        long count = 0;
        long furthestReadAhead = 0;

        await foreach (var item in ManifestReader.ReadAsync(stream, ManifestFormat.Csv, new ManifestLimits(), CancellationToken.None))
        {
            count++;
            Assert.Equal(count + 1, item.LineNumber);
            furthestReadAhead = Math.Max(furthestReadAhead, stream.LinesProduced - item.LineNumber);
        }

        Assert.Equal(Items, count);
        Assert.InRange(furthestReadAhead, 0, 1_000);
    }

    [Theory]
    [InlineData(ManifestFormat.Csv)]
    [InlineData(ManifestFormat.JsonLines)]
    public async Task Reading_stops_when_cancelled(ManifestFormat format)
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new GeneratedManifestStream(1_000, format);
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ManifestReader.ReadAsync(stream, format, new ManifestLimits(), cancellation.Token))
            {
                if (++read == 10)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(10, read);
    }
}
