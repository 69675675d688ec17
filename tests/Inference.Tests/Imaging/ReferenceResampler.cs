using Platform.Inference.Imaging;

namespace Platform.Inference.Tests.Imaging;

/// <summary>
/// Pillow's documented resize, written plainly and independently of the library: each output sample
/// weighs every input sample by the filter stretched by max(scale, 1) around centre (i + 0.5) * scale,
/// weights normalised in double and rounded to 22-bit fixed point, each pass rounding half up and
/// clipping to 0..255, horizontal pass first over the whole image (a pass at unchanged size is
/// the identity, which Pillow skips). Samples outside Pillow's window get
/// weight 0 from the filter itself, so no window bookkeeping is needed here.
/// </summary>
internal static class ReferenceResampler
{
    public static byte[] Resize(byte[] rgb, int width, int height, int outWidth, int outHeight, ResamplingFilter filter)
    {
        var wide = new byte[outWidth * height * 3];
        var weightsX = Weights(width, outWidth, filter);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < outWidth; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    wide[(((y * outWidth) + x) * 3) + c] = Apply(weightsX[x], j => rgb[(((y * width) + j) * 3) + c]);
                }
            }
        }
        var result = new byte[outWidth * outHeight * 3];
        var weightsY = Weights(height, outHeight, filter);
        for (var y = 0; y < outHeight; y++)
        {
            for (var x = 0; x < outWidth; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    result[(((y * outWidth) + x) * 3) + c] = Apply(weightsY[y], j => wide[(((j * outWidth) + x) * 3) + c]);
                }
            }
        }
        return result;
    }

    private static byte Apply(long[] fixedWeights, Func<int, byte> sample)
    {
        var sum = 1L << 21;
        for (var j = 0; j < fixedWeights.Length; j++)
        {
            sum += fixedWeights[j] * sample(j);
        }
        return (byte)Math.Clamp(sum >> 22, 0, 255);
    }

    private static long[][] Weights(int inSize, int outSize, ResamplingFilter filter)
    {
        var scale = (double)inSize / outSize;
        var stretch = Math.Max(scale, 1.0);
        var rows = new long[outSize][];
        for (var i = 0; i < outSize; i++)
        {
            var center = (i + 0.5) * scale;
            var raw = Enumerable.Range(0, inSize).Select(j => Filter(filter, (j + 0.5 - center) / stretch)).ToArray();
            var total = raw.Sum();
            rows[i] = raw.Select(w => (long)Math.Round(w / total * (1 << 22), MidpointRounding.AwayFromZero)).ToArray();
        }
        return rows;
    }

    private static double Filter(ResamplingFilter filter, double x)
    {
        if (filter == ResamplingFilter.Box)
        {
            return x > -0.5 && x <= 0.5 ? 1 : 0;
        }
        x = Math.Abs(x);
        return filter switch
        {
            // sinc(x) * sinc(x / 3) for |x| < 3.
            ResamplingFilter.Lanczos when x == 0 => 1,
            ResamplingFilter.Lanczos when x < 3 => 3 * Math.Sin(Math.PI * x) * Math.Sin(Math.PI * x / 3) / (Math.PI * Math.PI * x * x),
            ResamplingFilter.Lanczos => 0,
            // Windowed sinc; Pillow's window constants are C floats.
            ResamplingFilter.Hamming when x == 0 => 1,
            ResamplingFilter.Hamming when x < 1 => Math.Sin(Math.PI * x) / (Math.PI * x) * ((double)0.54f + ((double)0.46f * Math.Cos(Math.PI * x))),
            ResamplingFilter.Hamming => 0,
            ResamplingFilter.Bilinear => Math.Max(0, 1 - x),
            // Keys' cubic convolution with a = -0.5.
            ResamplingFilter.Bicubic when x < 1 => (1.5 * x * x * x) - (2.5 * x * x) + 1,
            ResamplingFilter.Bicubic when x < 2 => (-0.5 * x * x * x) + (2.5 * x * x) - (4 * x) + 2,
            ResamplingFilter.Bicubic => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };
    }
}
