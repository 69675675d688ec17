using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using SkiaSharp;

namespace Platform.Inference.Imaging;

/// <summary>
/// Turns decoded RGBA into upright packed RGB in one pass: the EXIF orientation as Pillow's
/// <c>ImageOps.exif_transpose</c> applies it (a pure pixel permutation), and alpha over white.
/// </summary>
internal static class UprightRgb
{
    public static bool SwapsAxes(SKEncodedOrigin origin) => origin >= SKEncodedOrigin.LeftTop;

    public static RgbImage Convert(ReadOnlySpan<byte> rgba, int width, int height, SKEncodedOrigin origin, bool hasAlpha, ImageSize declaredUpright)
    {
        var image = SwapsAxes(origin) ? new RgbImage(height, width, declaredUpright) : new RgbImage(width, height, declaredUpright);
        // Source pixel index = start + column * stepX + row * stepY, in upright coordinates.
        var (start, stepX, stepY) = origin switch
        {
            SKEncodedOrigin.TopRight => (width - 1, -1, width),
            SKEncodedOrigin.BottomRight => ((height * width) - 1, -1, -width),
            SKEncodedOrigin.BottomLeft => ((height - 1) * width, 1, -width),
            SKEncodedOrigin.LeftTop => (0, width, 1),
            SKEncodedOrigin.RightTop => ((height - 1) * width, -width, 1),
            SKEncodedOrigin.RightBottom => ((height * width) - 1, -width, -1),
            SKEncodedOrigin.LeftBottom => (width - 1, width, -1),
            _ => (0, 1, width),
        };
        var pixels = image.Pixels;
        // Every source index stays inside the width x height RGBA buffer: the steps walk its rows or
        // columns from a corner, which the span checks at the start guard.
        ArgumentOutOfRangeException.ThrowIfLessThan(rgba.Length, width * height * 4, nameof(rgba));
        ref var first = ref MemoryMarshal.GetReference(rgba);
        for (var y = 0; y < image.Height; y++)
        {
            var row = pixels.Slice(y * image.Width * 3, image.Width * 3);
            var source = start + (y * stepY);
            for (var x = 0; x < row.Length; x += 3, source += stepX)
            {
                ref var rgb = ref Unsafe.Add(ref first, source * 4);
                if (hasAlpha)
                {
                    var alpha = Unsafe.Add(ref rgb, 3);
                    row[x] = WhiteBackground.Composite(rgb, alpha);
                    row[x + 1] = WhiteBackground.Composite(Unsafe.Add(ref rgb, 1), alpha);
                    row[x + 2] = WhiteBackground.Composite(Unsafe.Add(ref rgb, 2), alpha);
                }
                else
                {
                    row[x] = rgb;
                    row[x + 1] = Unsafe.Add(ref rgb, 1);
                    row[x + 2] = Unsafe.Add(ref rgb, 2);
                }
            }
        }
        return image;
    }
}
