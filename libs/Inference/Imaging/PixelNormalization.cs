namespace Platform.Inference.Imaging;

/// <summary>
/// Rescale and normalise as a table per (channel, 8-bit value): HF multiplies in float64 and casts to
/// float32 (<c>rescale</c>), then computes <c>(x - mean) / std</c> in float32 (<c>normalize</c>);
/// the table holds exactly those float32 results.
/// </summary>
internal sealed class PixelNormalization
{
    private readonly float[] table = new float[3 * 256];

    public PixelNormalization(PreprocessorConfig config)
    {
        for (var channel = 0; channel < 3; channel++)
        {
            var mean = (float)config.ImageMean[channel];
            var std = (float)config.ImageStd[channel];
            for (var value = 0; value < 256; value++)
            {
                var x = config.DoRescale ? (float)(value * config.RescaleFactor) : value;
                table[(channel * 256) + value] = config.DoNormalize ? (x - mean) / std : x;
            }
        }
    }

    public ReadOnlySpan<float> Channel(int channel) => table.AsSpan(channel * 256, 256);
}
