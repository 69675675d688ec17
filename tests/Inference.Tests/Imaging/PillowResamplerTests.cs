using Platform.Inference.Imaging;

namespace Platform.Inference.Tests.Imaging;

public class PillowResamplerTests
{
    [Fact]
    public void Bilinear_shrink_4x1_to_2x1_uses_antialiasing_weights()
    {
        // Scale 2 widens the triangle to support 2. Output 0: centre 1.0, window [0, 3), filter at
        // (j + 0.5 - 1) / 2 = -0.25, 0.25, 0.75 gives 0.75, 0.75, 0.25: weights 3/7, 3/7, 1/7.
        // Output 1: centre 3.0, window [1, 4): weights 1/7, 3/7, 3/7.
        // (3*10 + 3*20 + 40) / 7 = 18.57 -> 19; (20 + 3*40 + 3*80) / 7 = 54.29 -> 54.
        var result = Resize(Gray([10, 20, 40, 80]), 4, 1, 2, 1, ResamplingFilter.Bilinear);

        Assert.Equal(Gray([19, 54]), result);
    }

    [Fact]
    public void Bilinear_enlarge_2x2_to_4x4_rounds_between_passes()
    {
        // Scale 0.5, support 1: centres 0.25, 0.75, 1.25, 1.75; windows [0,1), [0,2), [0,2), [1,2);
        // weights (1), (0.75, 0.25), (0.25, 0.75), (1), all exact in fixed point.
        // Horizontal: [0, 100] -> 0, 25, 75, 100; [200, 50] -> 200, 162.5 -> 163, 87.5 -> 88, 50.
        // Vertical per column, e.g. column 1 from 25 and 163 (not 162.5): 59.5 -> 60, 128.5 -> 129.
        var result = Resize(Gray([0, 100, 200, 50]), 2, 2, 4, 4, ResamplingFilter.Bilinear);

        Assert.Equal(Gray([0, 25, 75, 100, 50, 60, 78, 88, 150, 129, 85, 63, 200, 163, 88, 50]), result);
    }

    [Fact]
    public void Nearest_takes_the_pixel_under_each_output_centre()
    {
        // Step 5/2: centres 1.25 and 3.75 -> columns 1 and 3.
        var result = Resize(Gray([1, 2, 3, 4, 5]), 5, 1, 2, 1, ResamplingFilter.Nearest);

        Assert.Equal(Gray([2, 4]), result);
    }

    [Theory]
    [InlineData(ResamplingFilter.Bilinear, 17, 13, 5, 4)]
    [InlineData(ResamplingFilter.Bilinear, 5, 7, 19, 11)]
    [InlineData(ResamplingFilter.Bilinear, 23, 6, 7, 15)]
    [InlineData(ResamplingFilter.Bilinear, 9, 9, 9, 4)]
    [InlineData(ResamplingFilter.Bicubic, 17, 13, 5, 4)]
    [InlineData(ResamplingFilter.Bicubic, 5, 7, 19, 11)]
    [InlineData(ResamplingFilter.Bicubic, 6, 23, 15, 7)]
    [InlineData(ResamplingFilter.Bicubic, 31, 3, 8, 3)]
    [InlineData(ResamplingFilter.Bicubic, 40, 37, 3, 2)]
    [InlineData(ResamplingFilter.Bicubic, 20000, 1, 3, 3)]
    [InlineData(ResamplingFilter.Lanczos, 29, 11, 6, 17)]
    [InlineData(ResamplingFilter.Hamming, 29, 11, 6, 17)]
    [InlineData(ResamplingFilter.Box, 29, 11, 6, 17)]
    public void Matches_the_reference_on_random_images(ResamplingFilter filter, int width, int height, int outWidth, int outHeight)
    {
        for (var seed = 0; seed < 5; seed++)
        {
            var source = TestImages.Random(seed, width, height);

            var result = Resize(source, width, height, outWidth, outHeight, filter);

            Assert.Equal(ReferenceResampler.Resize(source, width, height, outWidth, outHeight, filter), result);
        }
    }

    [Fact]
    public void Bicubic_overshoot_is_clipped_to_8_bits()
    {
        // A sharp edge enlarged with a negative-lobed filter overshoots both ends.
        var result = Resize(Gray([0, 0, 255, 255]), 4, 1, 16, 1, ResamplingFilter.Bicubic);

        Assert.Equal(ReferenceResampler.Resize(Gray([0, 0, 255, 255]), 4, 1, 16, 1, ResamplingFilter.Bicubic), result);
        Assert.Contains(result, v => v == 0);
        Assert.Contains(result, v => v == 255);
    }

    private static byte[] Resize(byte[] rgb, int width, int height, int outWidth, int outHeight, ResamplingFilter filter)
    {
        var result = new byte[outWidth * outHeight * 3];
        PillowResampler.Resize(rgb, width, height, result, outWidth, outHeight, filter);
        return result;
    }

    private static byte[] Gray(byte[] values) => [.. values.SelectMany(v => new[] { v, v, v })];
}
