using Platform.Inference.Imaging;

using SkiaSharp;

namespace Platform.Inference.Tests.Imaging;

public class ImageDecoderTests
{
    private static readonly ImageDecoder Decoder = new(new ImageLimits(), ImageDecodingOptions.Default);

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Lossless_formats_decode_to_the_exact_pixels(SKEncodedImageFormat format)
    {
        var rgb = TestImages.Random(5, 7, 5);

        using var image = Decoder.Decode(TestImages.Encode(TestImages.Opaque(rgb), 7, 5, format));

        Assert.Equal((7, 5), (image.Width, image.Height));
        Assert.Equal(rgb, image.Pixels.ToArray());
    }

    [Fact]
    public void Bmp_decodes_to_the_exact_pixels()
    {
        var rgb = TestImages.Random(6, 5, 3);

        using var image = Decoder.Decode(TestImages.Bmp(rgb, 5, 3));

        Assert.Equal(rgb, image.Pixels.ToArray());
    }

    [Fact]
    public void Gif_decodes_its_palette_colour()
    {
        using var image = Decoder.Decode(TestImages.RedGif());

        Assert.Equal(new byte[] { 255, 0, 0 }, image.Pixels.ToArray());
    }

    [Fact]
    public void Jpeg_decodes_close_to_its_source()
    {
        var rgb = Enumerable.Repeat(new byte[] { 200, 40, 90 }, 16 * 16).SelectMany(p => p).ToArray();

        using var image = Decoder.Decode(TestImages.Encode(TestImages.Opaque(rgb), 16, 16, SKEncodedImageFormat.Jpeg));

        Assert.All(image.Pixels.ToArray().Zip(rgb), p => Assert.InRange(p.First - p.Second, -3, 3));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    public void Grayscale_becomes_equal_rgb_channels(SKEncodedImageFormat format)
    {
        byte[] gray = [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 4))];
        var file = TestImages.EncodeGray(gray, 8, 8, format);
        using (var codec = SKCodec.Create(new SKMemoryStream(file)))
        {
            Assert.Equal(SKColorType.Gray8, codec.Info.ColorType);
        }

        using var image = Decoder.Decode(file);

        var pixels = image.Pixels.ToArray().Chunk(3).ToArray();
        Assert.All(pixels, p => Assert.True(p[0] == p[1] && p[1] == p[2]));
        if (format == SKEncodedImageFormat.Png)
        {
            Assert.Equal(gray, pixels.Select(p => p[0]));
        }
    }

    [Fact]
    public void Adobe_cmyk_jpeg_converts_as_pillow_does()
    {
        // 32x8, ImageMagick: 16 columns cmyk(255,0,0,0) then 16 columns cmyk(0,0,0,128), Adobe marker.
        // Pillow's cmyk2rgb: nk = 255 - k; channel = nk - c * nk / 255 -> (0, 255, 255) and (127, 127, 127),
        // within the JPEG coding error of the stored CMYK values.
        var file = Convert.FromBase64String(
            "/9j/7gAOQWRvYmUAZAAAAAAC/9sAQwABAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB" +
            "AQEBAQEBAQEBAQEB/9sAQwEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB" +
            "AQEBAQEB/8AAFAgACAAgBAERAAIRAQMRAQQRAP/EABcAAQEBAQAAAAAAAAAAAAAAAAAKCQv/xAAUEAEAAAAAAAAAAAAAAAAAAAAA" +
            "/8QAFgEBAQEAAAAAAAAAAAAAAAAAAAkK/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAA4EAQACEQMRBAAAPwDF9Kdv4X8ACZ9VhgHc" +
            "/wDAH//Z");

        using var image = Decoder.Decode(file);

        Assert.Equal((32, 8), (image.Width, image.Height));
        var pixels = image.Pixels.ToArray().Chunk(3).ToArray();
        Assert.All(pixels.Where((_, i) => i % 32 < 16), p => AssertNear([0, 255, 255], p));
        Assert.All(pixels.Where((_, i) => i % 32 >= 16), p => AssertNear([127, 127, 127], p));
    }

    [Fact]
    public void Alpha_is_composited_on_white_as_pillow_does()
    {
        // Pillow alpha_composite over opaque white, alpha 128: coef1 = 128 * 128, coef2 = 127 * 128;
        // red: (200 * 16384 + 255 * 16256 + 16384) -> ((s >> 8) + s) >> 8 >> 7 = 227; green 177; blue 127.
        byte[] rgba = [200, 100, 0, 128, 10, 20, 30, 0, 10, 20, 30, 255];

        using var image = Decoder.Decode(TestImages.Encode(rgba, 3, 1, SKEncodedImageFormat.Png));

        Assert.Equal(new byte[] { 227, 177, 127, 255, 255, 255, 10, 20, 30 }, image.Pixels.ToArray());
    }

    // A 32x16 JPEG with quadrants red | green over blue | white, displayed per its EXIF orientation.
    // Expected upright quadrants (TL, TR, BL, BR): 2 mirrors, 3 turns 180, 4 flips vertically,
    // 5 transposes, 6 turns 90 clockwise (the left column becomes the top row), 7 transverses,
    // 8 turns 90 anticlockwise (the top row becomes the left column).
    [Theory]
    [InlineData(1, "RGBW")]
    [InlineData(2, "GRWB")]
    [InlineData(3, "WBGR")]
    [InlineData(4, "BWRG")]
    [InlineData(5, "RBGW")]
    [InlineData(6, "BRWG")]
    [InlineData(7, "WGBR")]
    [InlineData(8, "GWRB")]
    public void Exif_orientation_is_applied(int orientation, string quadrants)
    {
        var file = TestImages.WithExifOrientation(TestImages.Encode(Quadrants(32, 16), 32, 16, SKEncodedImageFormat.Jpeg), orientation);

        using var image = Decoder.Decode(file);

        var (width, height) = orientation >= 5 ? (16, 32) : (32, 16);
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal(quadrants, string.Concat(
            ColourAt(image, width / 4, height / 4), ColourAt(image, width * 3 / 4, height / 4),
            ColourAt(image, width / 4, height * 3 / 4), ColourAt(image, width * 3 / 4, height * 3 / 4)));
    }

    [Fact]
    public void A_large_jpeg_decodes_scaled_when_allowed_and_in_full_when_not()
    {
        var file = TestImages.Encode(Quadrants(512, 256), 512, 256, SKEncodedImageFormat.Jpeg);
        static ImageSize Target(ImageSize _) => new(32, 32);

        using var scaled = Decoder.Decode(file, Target);
        using var full = new ImageDecoder(new ImageLimits(), new ImageDecodingOptions(ScaledJpegDecoding: false)).Decode(file, Target);

        Assert.Equal((128, 64), (scaled.Width, scaled.Height));
        Assert.Equal(new ImageSize(256, 512), scaled.DeclaredSize);
        Assert.Equal((512, 256), (full.Width, full.Height));
    }

    [Fact]
    public void A_jpeg_less_than_the_factor_above_the_target_decodes_in_full()
    {
        var file = TestImages.Encode(Quadrants(128, 128), 128, 128, SKEncodedImageFormat.Jpeg);

        using var image = Decoder.Decode(file, _ => new ImageSize(32, 32));

        Assert.Equal((128, 128), (image.Width, image.Height));
    }

    private static byte[] Quadrants(int width, int height)
    {
        byte[][] colours = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255]];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var colour = colours[((y * 2 / height) * 2) + (x * 2 / width)];
                colour.CopyTo(rgba, ((y * width) + x) * 4);
                rgba[(((y * width) + x) * 4) + 3] = 255;
            }
        }
        return rgba;
    }

    private static void AssertNear(byte[] expected, byte[] actual) =>
        Assert.All(expected.Zip(actual), c => Assert.InRange(c.First - c.Second, -2, 2));

    private static char ColourAt(RgbImage image, int x, int y)
    {
        var p = image.Pixels.Slice(((y * image.Width) + x) * 3, 3);
        return (p[0] > 128, p[1] > 128, p[2] > 128) switch
        {
            (true, false, false) => 'R',
            (false, true, false) => 'G',
            (false, false, true) => 'B',
            (true, true, true) => 'W',
            _ => '?',
        };
    }
}
