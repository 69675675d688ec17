using Platform.Inference.Imaging;

using SkiaSharp;

namespace Platform.Inference.Tests.Imaging;

public class ImageRejectionTests
{
    private static readonly ImageDecoder Decoder = new(new ImageLimits(), ImageDecodingOptions.Default);

    [Fact]
    public void Empty_input_is_rejected_as_empty() =>
        AssertRejected(ImageRejectionReason.Empty, []);

    [Fact]
    public void Text_is_rejected_as_not_an_image() =>
        AssertRejected(ImageRejectionReason.NotAnImage, "this is a caption, not a picture"u8.ToArray());

    [Fact]
    public void Random_bytes_are_rejected_as_not_an_image()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x42; // not a WBMP's leading zero

        AssertRejected(ImageRejectionReason.NotAnImage, bytes);
    }

    [Fact]
    public void A_tiny_png_declaring_30000_by_30000_pixels_is_refused_before_decoding()
    {
        var bomb = TestImages.PngDeclaring(30000, 30000);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        AssertRejected(ImageRejectionReason.TooManyPixels, bomb);

        Assert.True(bomb.Length < 100);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 1_000_000, "no pixel buffer was allocated");
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_rejected_as_too_large()
    {
        var png = TestImages.Encode(TestImages.Opaque(TestImages.Random(1, 32, 32)), 32, 32, SKEncodedImageFormat.Png);
        var decoder = new ImageDecoder(new ImageLimits(MaxBytes: png.Length - 1), ImageDecodingOptions.Default);

        var rejected = Assert.Throws<ImageRejectedException>(() => decoder.Decode(png).Dispose());

        Assert.Equal(ImageRejectionReason.TooLarge, rejected.Reason);
    }

    [Fact]
    public void An_image_over_the_pixel_limit_is_rejected()
    {
        var png = TestImages.Encode(TestImages.Opaque(TestImages.Random(1, 32, 32)), 32, 32, SKEncodedImageFormat.Png);
        var decoder = new ImageDecoder(new ImageLimits(MaxPixels: (32 * 32) - 1), ImageDecodingOptions.Default);

        var rejected = Assert.Throws<ImageRejectedException>(() => decoder.Decode(png).Dispose());

        Assert.Equal(ImageRejectionReason.TooManyPixels, rejected.Reason);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    public void A_truncated_file_is_rejected_as_truncated(SKEncodedImageFormat format)
    {
        var whole = TestImages.Encode(TestImages.Opaque(TestImages.Random(3, 64, 64)), 64, 64, format, quality: 90);

        AssertRejected(ImageRejectionReason.Truncated, whole[..(whole.Length * 6 / 10)]);
    }

    [Fact]
    public void A_decodable_format_outside_the_supported_list_is_rejected_as_unsupported()
    {
        // WBMP: type 0, fixed header 0, width 2, height 2, one byte per 1-bit row.
        AssertRejected(ImageRejectionReason.Unsupported, [0, 0, 2, 2, 0xC0, 0x40]);
    }

    private static void AssertRejected(ImageRejectionReason reason, byte[] bytes)
    {
        var rejected = Assert.Throws<ImageRejectedException>(() => Decoder.Decode(bytes).Dispose());
        Assert.Equal(reason, rejected.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
    }
}
