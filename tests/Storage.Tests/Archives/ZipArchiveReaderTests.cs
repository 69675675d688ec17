using System.Text;

using Platform.Storage.Archives;

namespace Platform.Storage.Tests.Archives;

public class ZipArchiveReaderTests
{
    private static readonly byte[] Cat = Encoding.UTF8.GetBytes("not really a jpeg");

    [Fact]
    public async Task Streams_regular_files_in_order_and_skips_directories_numbering_entries_as_listed()
    {
        var zip = TestArchives.Zip(("a.jpg", Cat), ("photos/", []), ("photos/./b.png", [1, 2, 3]));

        var entries = await TestArchives.ReadAllAsync(zip, ArchiveFormat.Zip);

        Assert.Equal(["a.jpg", "photos/b.png"], entries.Select(e => e.Path));
        Assert.Equal([1L, 3L], entries.Select(e => e.Number));
        Assert.Equal(Cat, entries[0].Data);
        Assert.Equal(3L, entries[1].Length);
        Assert.Equal([1, 2, 3], entries[1].Data);
    }

    [Fact]
    public async Task A_non_seekable_zip_is_spooled_and_read()
    {
        var zip = NonSeekable.Over(TestArchives.Zip(("x/a.jpg", Cat), ("x/b.jpg", Cat)));

        var entries = await TestArchives.ReadAllAsync(zip, ArchiveFormat.Zip);

        Assert.Equal(["x/a.jpg", "x/b.jpg"], entries.Select(e => e.Path));
    }

    [Theory]
    [InlineData("../x.jpg", "'..'")]
    [InlineData("a/../../x.jpg", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("C:/Windows/x.jpg", "absolute")]
    [InlineData("a\\..\\..\\x.jpg", "backslash")]
    public async Task Paths_that_escape_the_root_reject_the_archive(string name, string reason)
    {
        var zip = TestArchives.Zip(("ok.jpg", Cat), (name, Cat));

        Assert.Contains(reason, await TestArchives.RejectionAsync(zip, ArchiveFormat.Zip), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symlink_entry_rejects_the_archive()
    {
        const int UnixSymlinkMode = 0xA1FF;
        var zip = TestArchives.Zip([("link.jpg", Encoding.UTF8.GetBytes("/etc/passwd"), UnixSymlinkMode << 16)]);

        Assert.Contains("link", await TestArchives.RejectionAsync(zip, ArchiveFormat.Zip), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_highly_compressible_entry_over_the_entry_limit_is_rejected()
    {
        var zip = TestArchives.Zip(("bomb.jpg", new byte[4 << 20]));
        Assert.True(zip.Length < 64 << 10);

        var message = await TestArchives.RejectionAsync(zip, ArchiveFormat.Zip, new ArchiveLimits(MaxEntryBytes: 1 << 20));

        Assert.Contains("larger than 1048576 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_whose_headers_understate_its_size_is_still_bounded_by_the_bytes_actually_read()
    {
        var zip = ZipHeaders.WithDeclaredUncompressedSize(TestArchives.Zip(("bomb.jpg", new byte[4 << 20])), 100);
        long delivered = 0;

        var exception = await Record.ExceptionAsync(() => ArchiveReader.ReadAsync(
            zip, ArchiveFormat.Zip, new ArchiveLimits(MaxEntryBytes: 1 << 20), async (entry, data, cancellationToken) =>
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await data.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    delivered += read;
                }
            }, CancellationToken.None));

        Assert.InRange(delivered, 0, 1 << 20);
        Assert.True(exception is null or ArchiveRejectedException, exception?.ToString());
    }

    [Fact]
    public async Task More_entries_than_the_limit_reject_the_archive()
    {
        var zip = TestArchives.Zip(("1.jpg", Cat), ("2.jpg", Cat), ("3.jpg", Cat));

        var message = await TestArchives.RejectionAsync(zip, ArchiveFormat.Zip, new ArchiveLimits(MaxEntries: 2));

        Assert.Contains("more than 2 entries", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_decompressed_size_is_limited()
    {
        var zip = TestArchives.Zip(("1.jpg", new byte[600]), ("2.jpg", new byte[600]));

        var message = await TestArchives.RejectionAsync(zip, ArchiveFormat.Zip, new ArchiveLimits(MaxTotalUncompressedBytes: 1000));

        Assert.Contains("more than 1000 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_a_zip_are_rejected()
    {
        var message = await TestArchives.RejectionAsync(new MemoryStream(Encoding.UTF8.GetBytes("hello, not a zip")), ArchiveFormat.Zip);

        Assert.Contains("Not a valid zip archive", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_over_the_limits_by_its_own_directory_is_refused_before_any_entry_is_handed_out()
    {
        var zip = TestArchives.Zip(("1.jpg", Cat), ("2.jpg", Cat), ("3.jpg", Cat));
        var handedOut = 0;

        await Assert.ThrowsAsync<ArchiveRejectedException>(() => ArchiveReader.ReadAsync(
            zip, ArchiveFormat.Zip, new ArchiveLimits(MaxEntries: 2), (_, _, _) => Task.FromResult(++handedOut), CancellationToken.None));

        Assert.Equal(0, handedOut);
    }

    [Theory]
    [InlineData("../x.jpg", 0)]
    [InlineData("link.jpg", 0xA1FF << 16)]
    public async Task An_unsafe_entry_after_good_ones_is_refused_before_any_entry_is_handed_out(string name, int externalAttributes)
    {
        var zip = TestArchives.Zip([("1.jpg", Cat, 0), ("2.jpg", Cat, 0), (name, Cat, externalAttributes)]);
        var handedOut = 0;

        await Assert.ThrowsAsync<ArchiveRejectedException>(() => ArchiveReader.ReadAsync(
            zip, ArchiveFormat.Zip, new ArchiveLimits(), (_, _, _) => Task.FromResult(++handedOut), CancellationToken.None));

        Assert.Equal(0, handedOut);
    }
}
