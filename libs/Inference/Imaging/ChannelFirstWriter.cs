namespace Platform.Inference.Imaging;

/// <summary>
/// Writes the centre <c>height</c> x <c>width</c> window of an RGB image as normalised CHW floats.
/// The window is placed as HF <c>center_crop</c> places it (offset (size - crop) // 2, floor division);
/// where it overhangs a small image, HF pads with zero pixels, which normalise like value 0.
/// </summary>
internal static class ChannelFirstWriter
{
    public static void Write(RgbImage image, int height, int width, PixelNormalization normalization, Span<float> destination)
    {
        var top = FloorHalf(image.Height - height);
        var left = FloorHalf(image.Width - width);
        var pixels = image.Pixels;
        for (var channel = 0; channel < 3; channel++)
        {
            var table = normalization.Channel(channel);
            var plane = destination.Slice(channel * height * width, height * width);
            for (var y = 0; y < height; y++)
            {
                var row = plane.Slice(y * width, width);
                var sourceY = top + y;
                if (sourceY < 0 || sourceY >= image.Height)
                {
                    row.Fill(table[0]);
                    continue;
                }
                var sourceRow = pixels.Slice(sourceY * image.Width * 3, image.Width * 3);
                for (var x = 0; x < width; x++)
                {
                    var sourceX = left + x;
                    row[x] = sourceX >= 0 && sourceX < image.Width ? table[sourceRow[(sourceX * 3) + channel]] : table[0];
                }
            }
        }
    }

    private static int FloorHalf(int value) => (int)Math.Floor(value / 2.0);
}
