using System.Formats.Tar;
using System.IO.Compression;

using Platform.Storage.Archives;

namespace Platform.Storage.Tests.Archives;

internal static class TestArchives
{
    public static MemoryStream Zip(params (string Name, byte[] Data)[] entries) =>
        Zip(entries.Select(e => (e.Name, e.Data, ExternalAttributes: 0)).ToArray());

    public static MemoryStream Zip((string Name, byte[] Data, int ExternalAttributes)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data, attributes) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.ExternalAttributes = attributes;
                using var entryStream = entry.Open();
                entryStream.Write(data);
            }
        }

        stream.Position = 0;
        return stream;
    }

    public static MemoryStream Tar(params TarEntry[] entries)
    {
        var stream = new MemoryStream();
        using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                tar.WriteEntry(entry);
            }
        }

        stream.Position = 0;
        return stream;
    }

    public static PaxTarEntry File(string name, byte[] data) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) };

    public static async Task<List<(string Path, long Length, byte[] Data, long Number)>> ReadAllAsync(
        Stream archive, ArchiveFormat format, ArchiveLimits? limits = null)
    {
        var entries = new List<(string, long, byte[], long)>();
        await ArchiveReader.ReadAsync(archive, format, limits ?? new ArchiveLimits(), async (entry, data, cancellationToken) =>
        {
            using var copy = new MemoryStream();
            await data.CopyToAsync(copy, cancellationToken);
            entries.Add((entry.Path, entry.Length, copy.ToArray(), entry.Number));
        }, CancellationToken.None);
        return entries;
    }

    public static async Task<string> RejectionAsync(Stream archive, ArchiveFormat format, ArchiveLimits? limits = null) =>
        (await Assert.ThrowsAsync<ArchiveRejectedException>(() => ReadAllAsync(archive, format, limits))).Message;
}
