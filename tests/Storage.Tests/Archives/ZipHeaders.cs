using System.Buffers.Binary;

namespace Platform.Storage.Tests.Archives;

/// <summary>Rewrites a zip's declared sizes, as a crafted zip bomb does.</summary>
internal static class ZipHeaders
{
    private const uint LocalHeader = 0x04034b50;
    private const uint CentralHeader = 0x02014b50;

    public static MemoryStream WithDeclaredUncompressedSize(MemoryStream zip, uint size)
    {
        var bytes = zip.ToArray();
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var offset = signature switch { LocalHeader => 22, CentralHeader => 24, _ => -1 };
            if (offset > 0)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + offset), size);
            }
        }

        return new MemoryStream(bytes);
    }
}
