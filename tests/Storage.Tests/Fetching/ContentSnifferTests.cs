using System.Text;
using Platform.Storage.Fetching;

namespace Platform.Storage.Tests.Fetching;

public sealed class ContentSnifferTests
{
    public static TheoryData<byte[]> Images => new()
    {
        { new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 } },
        { new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 } },
        { Encoding.ASCII.GetBytes("GIF89a......") },
        { Encoding.ASCII.GetBytes("RIFF\u0001\u0002\u0003\u0004WEBPVP8 ") },
        { Encoding.ASCII.GetBytes("BM6\u0001\u0000\u0000") },
    };

    public static TheoryData<byte[]> NotImages => new()
    {
        { Encoding.UTF8.GetBytes("<html><body>404</body></html>") },
        { Encoding.ASCII.GetBytes("RIFF\u0001\u0002\u0003\u0004WAVEfmt ") },
        { new byte[] { 0x89, 0x50, 0x4E } },
        { Array.Empty<byte>() },
        { new byte[] { 0x50, 0x4B, 0x03, 0x04 } },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Recognises_images_by_their_leading_bytes(byte[] header) => Assert.True(ContentSniffer.LooksLikeImage(header));

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Refuses_anything_else(byte[] header) => Assert.False(ContentSniffer.LooksLikeImage(header));
}
