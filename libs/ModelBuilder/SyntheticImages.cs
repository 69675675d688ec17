using Platform.ModelBuilder.Captioning;
using SkiaSharp;

namespace Platform.ModelBuilder;

/// <summary>
/// One filled circle, square or triangle of one colour on a white background, slightly moved and
/// resized by the seed; the inputs the colour-and-shape captioner names.
/// </summary>
public static class SyntheticImages
{
    public static IReadOnlyList<string> Colours { get; } = ["red", "green", "blue", "yellow"];

    public static IReadOnlyList<string> Shapes { get; } = ["circle", "square", "triangle"];

    /// <summary>The drawing colours (sRGB), in <see cref="Colours"/> order; the captioner's palette.</summary>
    public static IReadOnlyList<SKColor> Palette { get; } =
        [new(220, 30, 30), new(30, 160, 50), new(30, 70, 220), new(240, 200, 20)];

    public static byte[] Draw(string colour, string shape, int size = 64, string format = "png", int seed = 0)
    {
        var colourIndex = IndexOf(Colours, colour, nameof(colour));
        var shapeIndex = IndexOf(Shapes, shape, nameof(shape));
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        var encoding = format.ToLowerInvariant() switch
        {
            "png" => SKEncodedImageFormat.Png,
            "jpeg" or "jpg" => SKEncodedImageFormat.Jpeg,
            _ => throw new ArgumentException($"Unsupported format '{format}'; use png or jpeg.", nameof(format)),
        };
        var random = new Random(seed);
        var extent = size * (0.5f + (0.15f * (float)random.NextDouble()));
        var room = (size - extent) / 2 * 0.8f;
        var centreX = (size / 2f) + (room * (2 * (float)random.NextDouble() - 1));
        var centreY = (size / 2f) + (room * (2 * (float)random.NextDouble() - 1));
        using var bitmap = new SKBitmap(size, size);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = Palette[colourIndex], IsAntialias = true, Style = SKPaintStyle.Fill })
        {
            canvas.Clear(SKColors.White);
            DrawShape(canvas, paint, shapeIndex, centreX, centreY, extent / 2);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(encoding, 90);
        return data.ToArray();
    }

    /// <summary>Exactly the text the captioner outputs, for a language given as en|fr|de|es or its mBART code.</summary>
    public static string ExpectedCaption(string colour, string shape, string language) =>
        string.Join(' ', CaptionPhrases.Words(
            CaptionLanguage.IndexOf(language), IndexOf(Colours, colour, nameof(colour)), IndexOf(Shapes, shape, nameof(shape))));

    private static void DrawShape(SKCanvas canvas, SKPaint paint, int shape, float x, float y, float half)
    {
        switch (shape)
        {
            case 0:
                canvas.DrawCircle(x, y, half, paint);
                break;
            case 1:
                canvas.DrawRect(x - half, y - half, 2 * half, 2 * half, paint);
                break;
            default:
                using (var path = new SKPath())
                {
                    path.MoveTo(x, y - half);
                    path.LineTo(x + half, y + half);
                    path.LineTo(x - half, y + half);
                    path.Close();
                    canvas.DrawPath(path, paint);
                }

                break;
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name, string parameter)
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown {parameter} '{name}'; use one of {string.Join(", ", names)}.", parameter);
    }
}
