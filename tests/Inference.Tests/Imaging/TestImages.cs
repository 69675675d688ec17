using System.Buffers.Binary;
using System.Text;

using SkiaSharp;

namespace Platform.Inference.Tests.Imaging;

/// <summary>Encodes test images: through SkiaSharp where it can write the format, by hand where it cannot.</summary>
internal static class TestImages
{
    /// <summary>Straight (unpremultiplied) RGBA pixels, 4 bytes each.</summary>
    public static byte[] Encode(byte[] rgba, int width, int height, SKEncodedImageFormat format, int quality = 100)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        rgba.CopyTo(bitmap.GetPixelSpan());
        using var pixmap = bitmap.PeekPixels();
        using var data = format == SKEncodedImageFormat.Webp
            ? pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100))
            : pixmap.Encode(format, quality);
        return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp cannot encode {format}.");
    }

    public static byte[] EncodeGray(byte[] gray, int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        gray.CopyTo(bitmap.GetPixelSpan());
        using var data = bitmap.Encode(format, 100);
        return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp cannot encode {format}.");
    }

    public static byte[] Opaque(byte[] rgb) =>
        [.. rgb.Chunk(3).SelectMany(p => new[] { p[0], p[1], p[2], (byte)255 })];

    public static byte[] Random(int seed, int width, int height)
    {
        var rgb = new byte[width * height * 3];
        new Random(seed).NextBytes(rgb);
        return rgb;
    }

    /// <summary>A 1x1 GIF whose only pixel is palette entry 0, red (LZW: clear, 0, end in 3-bit codes).</summary>
    public static byte[] RedGif() =>
    [
        .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0, 0, 0, 0, 0,
        (byte)',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, (byte)';',
    ];

    /// <summary>A 24-bit BMP (bottom-up rows, BGR, rows padded to 4 bytes) of packed RGB pixels.</summary>
    public static byte[] Bmp(byte[] rgb, int width, int height)
    {
        var stride = ((width * 3) + 3) & ~3;
        var file = new byte[54 + (stride * height)];
        "BM"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(2), file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(28), 24);
        for (var y = 0; y < height; y++)
        {
            var row = file.AsSpan(54 + ((height - 1 - y) * stride));
            for (var x = 0; x < width; x++)
            {
                var p = ((y * width) + x) * 3;
                row[(x * 3) + 0] = rgb[p + 2];
                row[(x * 3) + 1] = rgb[p + 1];
                row[(x * 3) + 2] = rgb[p];
            }
        }
        return file;
    }

    /// <summary>A PNG whose header declares the given size, followed by a few bytes of image data.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        return [.. (byte[])[0x89, .. "PNG\r\n\u001a\n"u8], .. Chunk("IHDR", header), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00]), .. Chunk("IEND", [])];
    }

    /// <summary>Inserts an APP1 EXIF segment holding only an orientation tag right after the JPEG's SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, first IFD at 8
            0, 1,                                   // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1,           // Orientation, SHORT, count 1
            0, (byte)orientation, 0, 0,             // value, padded
            0, 0, 0, 0,                             // no next IFD
        ];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var length = payload.Length + 2;
        return [.. jpeg.AsSpan(0, 2), 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg.AsSpan(2)];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
