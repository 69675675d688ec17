namespace Platform.Inference.Imaging;

/// <summary>
/// Encoded image to an encoder's <c>pixel_values</c> (one item, channel-first float32), giving the
/// numbers HF's Python image processors give: decode, EXIF orientation, RGB over white, Pillow
/// resize, centre crop, rescale, normalise. Thread-safe; one instance serves all threads.
/// </summary>
public sealed class ImagePreprocessor
{
    private readonly PreprocessorConfig config;
    private readonly ImageDecoder decoder;
    private readonly PixelNormalization normalization;
    private readonly Func<ImageSize, ImageSize>? resizeTarget;

    public ImagePreprocessor(PreprocessorConfig config, ImageLimits limits, ImageDecodingOptions? decoding = null)
    {
        this.config = config;
        var output = config.OutputSize
            ?? throw new ArgumentException("The preprocessor config gives no fixed output size (no resize to height/width and no centre crop).", nameof(config));
        Height = output.Height;
        Width = output.Width;
        decoder = new ImageDecoder(limits, decoding ?? ImageDecodingOptions.Default);
        normalization = new PixelNormalization(config);
        resizeTarget = config.DoResize ? config.ResizeTarget : null;
    }

    public int Channels => 3;

    public int Height { get; }

    public int Width { get; }

    /// <exception cref="ImageRejectedException">The bytes are not a usable image.</exception>
    public void Preprocess(ReadOnlySpan<byte> encodedImage, Span<float> destinationChw)
    {
        if (destinationChw.Length != Channels * Height * Width)
        {
            throw new ArgumentException($"Expected {Channels * Height * Width} floats (3x{Height}x{Width}), got {destinationChw.Length}.", nameof(destinationChw));
        }
        using var decoded = decoder.Decode(encodedImage, resizeTarget);
        var target = resizeTarget?.Invoke(decoded.DeclaredSize) ?? new ImageSize(decoded.Height, decoded.Width);
        if (target.Height == decoded.Height && target.Width == decoded.Width)
        {
            Write(decoded, destinationChw);
            return;
        }
        using var resized = new RgbImage(target.Width, target.Height);
        PillowResampler.Resize(decoded.Pixels, decoded.Width, decoded.Height, resized.Pixels, target.Width, target.Height, config.Resample);
        Write(resized, destinationChw);
    }

    private void Write(RgbImage image, Span<float> destination)
    {
        if (!config.DoCenterCrop && (image.Height != Height || image.Width != Width))
        {
            throw new ImageRejectedException(ImageRejectionReason.Unsupported,
                $"The image is {image.Width}x{image.Height}; this checkpoint takes {Width}x{Height} and its config does not resize.");
        }
        ChannelFirstWriter.Write(image, Height, Width, normalization, destination);
    }
}
