namespace Platform.Storage.Fetching;

/// <summary>Recognises image formats by their leading bytes, whatever the file name or Content-Type says.</summary>
public static class ContentSniffer
{
    private static readonly byte[][] Signatures =
    [
        [0xFF, 0xD8, 0xFF],
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A],
        "GIF87a"u8.ToArray(),
        "GIF89a"u8.ToArray(),
        "BM"u8.ToArray(),
    ];

    /// <summary>Bytes needed to tell every format apart.</summary>
    public const int HeaderLength = 12;

    public static bool LooksLikeImage(ReadOnlySpan<byte> header)
    {
        foreach (var signature in Signatures)
        {
            if (header.StartsWith(signature))
            {
                return true;
            }
        }
        return header.Length >= HeaderLength && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8);
    }
}
