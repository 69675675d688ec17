using System.Buffers;

using SkiaSharp;

using static Platform.Inference.Imaging.ImageRejectionReason;

namespace Platform.Inference.Imaging;

/// <summary>
/// Decodes JPEG, PNG, WebP, GIF (first frame) and BMP to upright 8-bit RGB, refusing bad input with
/// an <see cref="ImageRejectedException"/> before any pixel memory is allocated where possible.
/// No colour management is applied (as Pillow does none). Thread-safe.
/// </summary>
public sealed class ImageDecoder(ImageLimits limits, ImageDecodingOptions options)
{
    private static readonly float[] JpegScales = [1 / 8f, 1 / 4f, 1 / 2f];

    private static readonly HashSet<SKEncodedImageFormat> Formats =
        [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Gif, SKEncodedImageFormat.Bmp];

    /// <param name="encodedImage">The file's bytes.</param>
    /// <param name="resizeTarget">
    /// Given the upright size, the size the caller will resize to; lets large JPEGs decode scaled
    /// (see <see cref="ImageDecodingOptions"/>).
    /// </param>
    public RgbImage Decode(ReadOnlySpan<byte> encodedImage, Func<ImageSize, ImageSize>? resizeTarget = null)
    {
        if (encodedImage.IsEmpty)
        {
            throw new ImageRejectedException(Empty, "The image file is empty.");
        }
        if (encodedImage.Length > limits.MaxBytes)
        {
            throw new ImageRejectedException(TooLarge, $"The image file has {encodedImage.Length} bytes, over the limit of {limits.MaxBytes}.");
        }
        using var data = SKData.CreateCopy(encodedImage);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream, out var created) ?? throw HeaderFailure(created);
        if (!Formats.Contains(codec.EncodedFormat))
        {
            throw new ImageRejectedException(Unsupported, $"Images in {codec.EncodedFormat} format are not supported.");
        }
        var declared = new ImageSize(codec.Info.Height, codec.Info.Width);
        if (declared.Pixels > limits.MaxPixels || declared.Pixels > int.MaxValue / 4)
        {
            throw new ImageRejectedException(TooManyPixels, $"The image declares {declared.Width}x{declared.Height} pixels, over the limit of {limits.MaxPixels}.");
        }
        var upright = UprightRgb.SwapsAxes(codec.EncodedOrigin) ? new ImageSize(declared.Width, declared.Height) : declared;
        var size = DecodeSize(codec, declared, upright, resizeTarget);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = ArrayPool<byte>.Shared.Rent(info.BytesSize);
        try
        {
            var decoded = codec.GetPixels(info, rgba);
            if (decoded != SKCodecResult.Success)
            {
                throw DecodeFailure(decoded);
            }
            return UprightRgb.Convert(rgba.AsSpan(0, info.BytesSize), size.Width, size.Height, codec.EncodedOrigin, codec.Info.AlphaType != SKAlphaType.Opaque, upright);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
        }
    }

    private ImageSize DecodeSize(SKCodec codec, ImageSize declared, ImageSize upright, Func<ImageSize, ImageSize>? resizeTarget)
    {
        if (!options.ScaledJpegDecoding || resizeTarget is null || codec.EncodedFormat != SKEncodedImageFormat.Jpeg)
        {
            return declared;
        }
        var target = resizeTarget(upright);
        var factor = options.ScaledDecodingFactor;
        if (upright.Height <= factor * (long)target.Height || upright.Width <= factor * (long)target.Width)
        {
            return declared;
        }
        // Skia rounds a requested scale to the nearest the codec supports, so try them smallest first.
        foreach (var scale in JpegScales)
        {
            var scaled = codec.GetScaledDimensions(scale);
            var scaledUpright = UprightRgb.SwapsAxes(codec.EncodedOrigin) ? new ImageSize(scaled.Width, scaled.Height) : new ImageSize(scaled.Height, scaled.Width);
            if (scaledUpright.Height >= 2 * target.Height && scaledUpright.Width >= 2 * target.Width)
            {
                return new ImageSize(scaled.Height, scaled.Width);
            }
        }
        return declared;
    }

    // Skia answers Unimplemented when no codec recognises the bytes.
    private static ImageRejectedException HeaderFailure(SKCodecResult result) => result == SKCodecResult.IncompleteInput
        ? new(Truncated, "The image file ends inside its header.")
        : new(NotAnImage, $"Not an image in a known format ({result}).");

    private static ImageRejectedException DecodeFailure(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => new(Truncated, "The image file is truncated: its pixel data ends early."),
        SKCodecResult.Unimplemented or SKCodecResult.InvalidConversion or SKCodecResult.InvalidScale =>
            new(Unsupported, $"This image variant cannot be decoded ({result})."),
        _ => new(NotAnImage, $"The image data is corrupt ({result})."),
    };
}
