using System.Text;

using Platform.Storage.Manifests;

namespace Platform.Storage.Tests.Manifests;

/// <summary>A non-seekable manifest of <paramref name="items"/> items, produced line by line as it is read.</summary>
internal sealed class GeneratedManifestStream(long items, ManifestFormat format = ManifestFormat.Csv) : Stream
{
    private readonly MemoryStream pending = new();
    private long itemsProduced;

    /// <summary>Physical lines handed out so far, the CSV header included.</summary>
    public long LinesProduced { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (pending.Position == pending.Length && NextLine() is { } line)
        {
            LinesProduced++;
            pending.SetLength(0);
            pending.Write(Encoding.UTF8.GetBytes(line));
            pending.Position = 0;
        }

        return pending.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private string? NextLine()
    {
        if (format == ManifestFormat.Csv && LinesProduced == 0)
        {
            return "id,image,en\n";
        }

        if (itemsProduced == items)
        {
            return null;
        }

        var item = ++itemsProduced;
        return format == ManifestFormat.Csv
            ? $"item-{item},images/{item % 997}.jpg,caption number {item}\n"
            : $$$"""{"id":"item-{{{item}}}","image":"images/{{{item % 997}}}.jpg","captions":{"en":"caption number {{{item}}}"}}""" + "\n";
    }
}
