using System.Formats.Tar;
using System.Text;

using Platform.Storage.Archives;

namespace Platform.Storage.Tests.Archives;

public class TarArchiveReaderTests
{
    private static readonly byte[] Cat = Encoding.UTF8.GetBytes("not really a jpeg");

    [Fact]
    public async Task Streams_regular_files_from_a_non_seekable_tar_and_skips_directories_numbering_entries_as_listed()
    {
        var tar = TestArchives.Tar(
            new PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = "not listed by tar -tv" }),
            new PaxTarEntry(TarEntryType.Directory, "./photos/"),
            TestArchives.File("./photos/a.jpg", Cat),
            TestArchives.File("photos/b.png", []));

        var entries = await TestArchives.ReadAllAsync(NonSeekable.Over(tar), ArchiveFormat.Tar);

        Assert.Equal(["photos/a.jpg", "photos/b.png"], entries.Select(e => e.Path));
        Assert.Equal([2L, 3L], entries.Select(e => e.Number));
        Assert.Equal(Cat.Length, entries[0].Length);
        Assert.Equal(Cat, entries[0].Data);
        Assert.Empty(entries[1].Data);
    }

    [Theory]
    [InlineData("../x.jpg", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("photos/..\\..\\x.jpg", "backslash")]
    public async Task Paths_that_escape_the_root_reject_the_archive(string name, string reason)
    {
        var tar = TestArchives.Tar(TestArchives.File("ok.jpg", Cat), TestArchives.File(name, Cat));

        Assert.Contains(reason, await TestArchives.RejectionAsync(tar, ArchiveFormat.Tar), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TarEntryType.SymbolicLink)]
    [InlineData(TarEntryType.HardLink)]
    public async Task A_link_entry_rejects_the_archive(TarEntryType type)
    {
        var tar = TestArchives.Tar(
            TestArchives.File("ok.jpg", Cat),
            new PaxTarEntry(type, "photos/passwd.jpg") { LinkName = "/etc/passwd" });

        Assert.Contains(type.ToString(), await TestArchives.RejectionAsync(tar, ArchiveFormat.Tar), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_entry_rejects_the_archive()
    {
        var tar = TestArchives.Tar(new PaxTarEntry(TarEntryType.CharacterDevice, "dev/zero.jpg"));

        Assert.Contains("CharacterDevice", await TestArchives.RejectionAsync(tar, ArchiveFormat.Tar), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_entries_than_the_limit_reject_the_archive()
    {
        var tar = TestArchives.Tar(TestArchives.File("1.jpg", Cat), TestArchives.File("2.jpg", Cat), TestArchives.File("3.jpg", Cat));

        var message = await TestArchives.RejectionAsync(tar, ArchiveFormat.Tar, new ArchiveLimits(MaxEntries: 2));

        Assert.Contains("more than 2 entries", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_over_the_size_limit_rejects_the_archive()
    {
        var tar = TestArchives.Tar(TestArchives.File("big.jpg", new byte[2048]));

        var message = await TestArchives.RejectionAsync(tar, ArchiveFormat.Tar, new ArchiveLimits(MaxEntryBytes: 1024));

        Assert.Contains("larger than 1024 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bytes_read_out_of_all_entries_are_limited()
    {
        var tar = TestArchives.Tar(TestArchives.File("1.jpg", new byte[600]), TestArchives.File("2.jpg", new byte[600]));

        var message = await TestArchives.RejectionAsync(tar, ArchiveFormat.Tar, new ArchiveLimits(MaxTotalUncompressedBytes: 1000));

        Assert.Contains("more than 1000 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_tar_is_rejected()
    {
        var tar = TestArchives.Tar(TestArchives.File("a.jpg", new byte[4096]), TestArchives.File("b.jpg", Cat));
        var truncated = new MemoryStream(tar.ToArray()[..1200]);

        await Assert.ThrowsAsync<ArchiveRejectedException>(() => TestArchives.ReadAllAsync(truncated, ArchiveFormat.Tar));
    }

    [Fact]
    public async Task Exceptions_from_the_callback_propagate_unchanged()
    {
        var tar = TestArchives.Tar(TestArchives.File("a.jpg", Cat));

        await Assert.ThrowsAsync<TimeoutException>(() => ArchiveReader.ReadAsync(
            tar, ArchiveFormat.Tar, new ArchiveLimits(), (_, _, _) => throw new TimeoutException(), CancellationToken.None));
    }

    [Theory]
    [InlineData("application/zip", ArchiveFormat.Zip)]
    [InlineData("application/x-zip-compressed", ArchiveFormat.Zip)]
    [InlineData("application/x-tar", ArchiveFormat.Tar)]
    [InlineData("Application/Tar; charset=binary", ArchiveFormat.Tar)]
    [InlineData("application/gzip", null)]
    [InlineData(null, null)]
    public void Content_types_map_to_formats(string? contentType, ArchiveFormat? expected)
    {
        Assert.Equal(expected, ArchiveReader.FormatFromContentType(contentType));
    }

    [Theory]
    [InlineData("a/b.JPG", true)]
    [InlineData("x.jpeg", true)]
    [InlineData("x.webp", true)]
    [InlineData("x.bmp", true)]
    [InlineData("x.gif", true)]
    [InlineData("x.png", true)]
    [InlineData("x.txt", false)]
    [InlineData("jpg", false)]
    public void Images_are_recognised_by_extension(string path, bool expected)
    {
        Assert.Equal(expected, ArchiveReader.LooksLikeImage(path));
    }
}
