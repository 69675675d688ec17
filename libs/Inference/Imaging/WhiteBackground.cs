namespace Platform.Inference.Imaging;

/// <summary>
/// Hugging Face's <c>convert_to_rgb</c> composites RGBA over opaque white with Pillow's
/// <c>Image.alpha_composite</c>; this is its integer arithmetic (libImaging/AlphaComposite.c,
/// 7 extra bits, divisions by 255 rounded by shifts), tabulated per (alpha, value).
/// </summary>
internal static class WhiteBackground
{
    private const int PrecisionBits = 7;

    private static readonly byte[] Table = Build();

    public static byte Composite(byte value, byte alpha) => Table[(alpha << 8) | value];

    private static byte[] Build()
    {
        var table = new byte[256 * 256];
        for (var alpha = 0u; alpha < 256; alpha++)
        {
            for (var value = 0u; value < 256; value++)
            {
                table[(alpha << 8) | value] = alpha == 0 ? (byte)255 : Blend(value, alpha);
            }
        }
        return table;
    }

    private static byte Blend(uint value, uint alpha)
    {
        const uint background = 255;
        var blend = background * (255 - alpha);
        var outAlpha255 = (alpha * 255) + blend;
        var coef1 = alpha * 255 * 255 * (1u << PrecisionBits) / outAlpha255;
        var coef2 = (255 * (1u << PrecisionBits)) - coef1;
        var sum = (value * coef1) + (background * coef2) + (0x80u << PrecisionBits);
        return (byte)((((sum >> 8) + sum) >> 8) >> PrecisionBits);
    }
}
