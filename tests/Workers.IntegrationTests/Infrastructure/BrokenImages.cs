using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using Platform.ModelBuilder;

namespace Platform.Workers.IntegrationTests.Infrastructure;

/// <summary>Inputs that must fail their item: a truncated JPEG and a PNG whose header declares gigapixels.</summary>
public static class BrokenImages
{
    public static byte[] TruncatedJpeg()
    {
        var jpeg = SyntheticImages.Draw("red", "circle", size: 128, format: "jpeg", seed: 7);
        return jpeg[..(jpeg.Length / 2)];
    }

    /// <summary>A few hundred bytes declaring 100000x100000 RGB pixels (30 GB decoded).</summary>
    public static byte[] DecompressionBomb()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 100_000);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(png, "IHDR", header);
        using var zeros = new MemoryStream();
        using (var zlib = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[300_001]);
        }
        WriteChunk(png, "IDAT", zeros.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        png.Write(word);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.HashToUInt32(typed));
        png.Write(word);
    }
}
