using System.Text.Json;

namespace Platform.Inference.Imaging;

/// <summary>
/// A checkpoint's <c>preprocessor_config.json</c> as Hugging Face image processors (ViT, DeiT, CLIP,
/// BLIP) read it. <see cref="Size"/> is an exact resize; <see cref="ShortestEdge"/> keeps the aspect
/// ratio. Keys a config leaves out take the defaults of its <see cref="ProcessorType"/>.
/// <c>do_convert_rgb</c> is not read: images always become RGB, as the encoder takes 3 channels.
/// </summary>
public sealed record PreprocessorConfig
{
    public string? ProcessorType { get; init; }

    public bool DoResize { get; init; } = true;

    public ImageSize? Size { get; init; } = new ImageSize(224, 224);

    public int? ShortestEdge { get; init; }

    public ResamplingFilter Resample { get; init; } = ResamplingFilter.Bilinear;

    public bool DoCenterCrop { get; init; }

    public ImageSize? CropSize { get; init; }

    public bool DoRescale { get; init; } = true;

    public double RescaleFactor { get; init; } = 1 / 255.0;

    public bool DoNormalize { get; init; } = true;

    public IReadOnlyList<double> ImageMean { get; init; } = [0.5, 0.5, 0.5];

    public IReadOnlyList<double> ImageStd { get; init; } = [0.5, 0.5, 0.5];

    public static PreprocessorConfig Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <exception cref="InvalidDataException">The JSON is malformed or a key has an unusable value.</exception>
    public static PreprocessorConfig Parse(string json) => PreprocessorConfigReader.Read(json);

    /// <summary>The size the resize step produces for an upright image, as HF <c>get_resize_output_image_size</c>.</summary>
    public ImageSize ResizeTarget(ImageSize image)
    {
        if (ShortestEdge is not { } edge)
        {
            return Size ?? image;
        }
        var (shortSide, longSide) = image.Width <= image.Height ? (image.Width, image.Height) : (image.Height, image.Width);
        // Python: int(size * long / short), a float division truncated.
        var newLong = (int)((double)((long)edge * longSide) / shortSide);
        return image.Width <= image.Height ? new ImageSize(newLong, edge) : new ImageSize(edge, newLong);
    }

    /// <summary>
    /// The fixed output size, or null when it depends on the image. Without resize or crop it is
    /// <see cref="Size"/>, which images must then already have.
    /// </summary>
    public ImageSize? OutputSize => DoCenterCrop ? CropSize : ShortestEdge is null ? Size : null;
}
