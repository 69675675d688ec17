using System.Text;

namespace Platform.Storage.Tests.Manifests;

/// <summary>A non-seekable CSV manifest of <paramref name="items"/> rows, produced on demand as it is read.</summary>
internal sealed class GeneratedManifestStream(long items) : Stream
{
    private readonly MemoryStream pending = Header();

    public long LinesProduced { get; private set; } = 1;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (pending.Position == pending.Length && LinesProduced <= items)
        {
            var line = LinesProduced++;
            pending.SetLength(0);
            pending.Write(Encoding.UTF8.GetBytes($"item-{line},images/{line % 997}.jpg,caption number {line}\n"));
            pending.Position = 0;
        }

        return pending.Read(buffer, offset, count);
    }

    private static MemoryStream Header()
    {
        var header = new MemoryStream();
        header.Write("id,image,en\n"u8);
        header.Position = 0;
        return header;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
