using Platform.Inference.Imaging;

namespace Platform.Inference.Tests.Imaging;

/// <summary>
/// Expectations that Pillow's own test suite asserts for its resize (Tests/test_image_resample.py,
/// TestImagingCoreResampleAccuracy and TestCoreResampleCoefficients): outputs of Pillow itself.
/// </summary>
public class PillowAccuracyTests
{
    // Input: two quadrants (top left, bottom right) of 0xE1 and two of 0x1E. Expected: the top-left
    // quarter of the output in hex; the other quarters mirror it (the anti-diagonal ones inverted).
    [Theory]
    [InlineData(ResamplingFilter.Box, 8, 4, "e1 e1 e1 e1")]
    [InlineData(ResamplingFilter.Bilinear, 8, 4, "e1 c9 c9 b7")]
    [InlineData(ResamplingFilter.Hamming, 8, 4, "e1 da da d3")]
    [InlineData(ResamplingFilter.Bicubic, 12, 6, "e1 e3 d4 e3 e5 d6 d4 d6 c9")]
    [InlineData(ResamplingFilter.Lanczos, 16, 8, "e1 e0 e4 d7 e0 df e3 d6 e4 e3 e7 da d7 d6 d9 ce")]
    [InlineData(ResamplingFilter.Box, 2, 4, "e1 e1 e1 e1")]
    [InlineData(ResamplingFilter.Bilinear, 2, 4, "e1 b0 b0 98")]
    [InlineData(ResamplingFilter.Hamming, 2, 4, "e1 d2 d2 c5")]
    [InlineData(ResamplingFilter.Bicubic, 4, 8, "e1 e5 ee b9 e5 e9 f3 bc ee f3 fd c1 b9 bc c1 a2")]
    [InlineData(ResamplingFilter.Lanczos, 6, 12,
        "e1 e0 db ed f5 b8 e0 df da ec f3 b7 db db d6 e7 ee b5 ed ec e6 fb ff bf f5 f4 ee ff ff c4 b8 b7 b4 bf c4 a0")]
    public void Matches_pillow_on_its_accuracy_cases(ResamplingFilter filter, int size, int outSize, string quarter)
    {
        var source = new byte[size * size * 3];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                source.AsSpan(((y * size) + x) * 3, 3).Fill((x < size / 2) == (y < size / 2) ? (byte)0xE1 : (byte)0x1E);
            }
        }

        var result = new byte[outSize * outSize * 3];
        PillowResampler.Resize(source, size, size, result, outSize, outSize, filter);

        var values = quarter.Split(' ').Select(h => Convert.ToByte(h, 16)).ToArray();
        var half = outSize / 2;
        for (var y = 0; y < outSize; y++)
        {
            for (var x = 0; x < outSize; x++)
            {
                var (qx, qy) = (x < half ? x : outSize - 1 - x, y < half ? y : outSize - 1 - y);
                var v = values[(qy * half) + qx];
                var expected = (x < half) == (y < half) ? v : (byte)(255 - v);
                Assert.Equal(new[] { expected, expected, expected }, result.AsSpan(((y * outSize) + x) * 3, 3).ToArray());
            }
        }
    }

    [Fact]
    public void Bicubic_reduction_of_400000_pixels_keeps_its_coefficients_right()
    {
        for (var size = 400000; size < 400010; size += 2)
        {
            var source = new byte[size * 3];
            source.AsSpan(0, size / 2 * 3).Fill(254);
            var result = new byte[5 * 3];

            PillowResampler.Resize(source, size, 1, result, 5, 1, ResamplingFilter.Bicubic);

            Assert.Equal(127, result[2 * 3]);
        }
    }

    [Theory]
    [InlineData(ResamplingFilter.Box)]
    [InlineData(ResamplingFilter.Lanczos)]
    public void A_flat_colour_stays_flat(ResamplingFilter filter)
    {
        var source = Enumerable.Repeat(new byte[] { 0x16, 0x88, 0xFF }, 512 * 9).SelectMany(p => p).ToArray();
        var result = new byte[9 * 512 * 3];

        PillowResampler.Resize(source, 512, 9, result, 9, 512, filter);

        Assert.Equal(source, result);
    }
}
