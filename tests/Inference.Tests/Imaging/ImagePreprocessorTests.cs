using Platform.Inference.Imaging;

using SkiaSharp;

namespace Platform.Inference.Tests.Imaging;

public class ImagePreprocessorTests
{
    private static readonly float[] Mean = [0.5f, 0.4f, 0.3f];
    private static readonly float[] Std = [0.2f, 0.25f, 0.3f];

    [Fact]
    public void Resize_rescale_normalise_gives_hf_float32_values()
    {
        var rgb = TestImages.Random(11, 4, 2);
        var preprocessor = Create("""{"size": {"height": 1, "width": 2}, "resample": 2, "rescale_factor": 0.00392156862745098, "image_mean": [0.5, 0.4, 0.3], "image_std": [0.2, 0.25, 0.3]}""");

        var result = Run(preprocessor, TestImages.Encode(TestImages.Opaque(rgb), 4, 2, SKEncodedImageFormat.Png));

        var resized = ReferenceResampler.Resize(rgb, 4, 2, 2, 1, ResamplingFilter.Bilinear);
        Assert.Equal((3, 1, 2), (preprocessor.Channels, preprocessor.Height, preprocessor.Width));
        Assert.Equal(ExpectedChw(resized, 2, 1), result);
        // The same numbers, near enough, from plain double arithmetic.
        Assert.InRange(result[0] - (((resized[0] / 255.0) - 0.5) / 0.2), -1e-5, 1e-5);
    }

    [Fact]
    public void Shortest_edge_resize_then_centre_crop()
    {
        var rgb = TestImages.Random(12, 6, 4);
        var preprocessor = Create("""{"image_processor_type": "CLIPImageProcessor", "size": {"shortest_edge": 2}, "crop_size": 2, "do_center_crop": true, "resample": 3, "image_mean": [0.5, 0.4, 0.3], "image_std": [0.2, 0.25, 0.3]}""");

        var result = Run(preprocessor, TestImages.Encode(TestImages.Opaque(rgb), 6, 4, SKEncodedImageFormat.Png));

        // 6x4 -> shortest edge 2 -> 3x2 (int(2 * 6 / 4)), crop 2x2 at left (3 - 2) // 2 = 0.
        var resized = ReferenceResampler.Resize(rgb, 6, 4, 3, 2, ResamplingFilter.Bicubic);
        byte[] cropped = [.. resized[0..6], .. resized[9..15]];
        Assert.Equal(ExpectedChw(cropped, 2, 2), result);
    }

    [Fact]
    public void A_crop_larger_than_the_image_pads_with_zero_pixels()
    {
        var rgb = TestImages.Random(13, 2, 2);
        var preprocessor = Create("""{"do_resize": false, "do_center_crop": true, "crop_size": {"height": 4, "width": 4}, "image_mean": [0.5, 0.4, 0.3], "image_std": [0.2, 0.25, 0.3]}""");

        var result = Run(preprocessor, TestImages.Encode(TestImages.Opaque(rgb), 2, 2, SKEncodedImageFormat.Png));

        // HF center_crop: top = (2 - 4) // 2 = -1, so the image sits at rows and columns 1..2.
        var padded = new byte[4 * 4 * 3];
        for (var y = 0; y < 2; y++)
        {
            rgb.AsSpan(y * 6, 6).CopyTo(padded.AsSpan((((y + 1) * 4) + 1) * 3));
        }
        Assert.Equal(ExpectedChw(padded, 4, 4), result);
    }

    [Fact]
    public void Without_resize_an_image_of_another_size_is_rejected()
    {
        var preprocessor = Create("""{"do_resize": false, "size": {"height": 4, "width": 4}}""");
        var png = TestImages.Encode(TestImages.Opaque(TestImages.Random(1, 3, 3)), 3, 3, SKEncodedImageFormat.Png);

        var rejected = Assert.Throws<ImageRejectedException>(() => Run(preprocessor, png));

        Assert.Equal(ImageRejectionReason.Unsupported, rejected.Reason);
    }

    [Fact]
    public void Bad_input_is_rejected_through_preprocess() =>
        Assert.Equal(ImageRejectionReason.Empty,
            Assert.Throws<ImageRejectedException>(() => Run(Create("""{"size": 8}"""), [])).Reason);

    [Fact]
    public void A_destination_of_the_wrong_length_is_an_argument_error() =>
        Assert.Throws<ArgumentException>(() => Create("""{"size": 8}""").Preprocess(TestImages.RedGif(), new float[10]));

    [Fact]
    public void A_config_without_a_fixed_output_size_is_refused() =>
        Assert.Throws<ArgumentException>(() => Create("""{"size": {"shortest_edge": 224}, "do_center_crop": false}"""));

    [Fact]
    public void Scaled_jpeg_decoding_stays_close_to_full_decoding()
    {
        var rgba = new byte[1024 * 768 * 4];
        for (var i = 0; i < 1024 * 768; i++)
        {
            (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = ((byte)(i % 1024 / 4), (byte)(i / 1024 / 3), 128, 255);
        }
        var jpeg = TestImages.Encode(rgba, 1024, 768, SKEncodedImageFormat.Jpeg, quality: 95);
        var config = PreprocessorConfig.Parse("""{"size": 32}""");

        var scaled = Run(new ImagePreprocessor(config, new ImageLimits()), jpeg);
        var full = Run(new ImagePreprocessor(config, new ImageLimits(), new ImageDecodingOptions(ScaledJpegDecoding: false)), jpeg);

        Assert.InRange(scaled.Zip(full).Max(p => Math.Abs(p.First - p.Second)), 0, 0.05);
    }

    [Fact]
    public void Concurrent_calls_give_the_sequential_results()
    {
        var preprocessor = Create("""{"size": {"height": 12, "width": 10}, "resample": 3}""");
        var files = Enumerable.Range(0, 24)
            .Select(i => TestImages.Encode(TestImages.Opaque(TestImages.Random(i, 9 + i, 30 - i)), 9 + i, 30 - i, SKEncodedImageFormat.Png))
            .ToArray();
        var sequential = files.Select(f => Run(preprocessor, f)).ToArray();

        var concurrent = new float[files.Length * 4][];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i] = Run(preprocessor, files[i % files.Length]));

        Assert.All(Enumerable.Range(0, concurrent.Length), i => Assert.Equal(sequential[i % files.Length], concurrent[i]));
    }

    private static ImagePreprocessor Create(string json) => new(PreprocessorConfig.Parse(json), new ImageLimits());

    private static float[] Run(ImagePreprocessor preprocessor, byte[] file)
    {
        var result = new float[preprocessor.Channels * preprocessor.Height * preprocessor.Width];
        preprocessor.Preprocess(file, result);
        return result;
    }

    /// <summary>HF: uint8 * rescale_factor in float64, cast to float32, then (x - mean) / std in float32, CHW.</summary>
    private static float[] ExpectedChw(byte[] rgb, int width, int height)
    {
        var chw = new float[3 * width * height];
        for (var c = 0; c < 3; c++)
        {
            for (var p = 0; p < width * height; p++)
            {
                var x = (float)(rgb[(p * 3) + c] * 0.00392156862745098);
                chw[(c * width * height) + p] = (x - Mean[c]) / Std[c];
            }
        }
        return chw;
    }
}
