using System.Text.Json;

namespace Platform.Inference.Imaging;

/// <summary>Reads the keys of <c>preprocessor_config.json</c>, with the value forms HF has used over time.</summary>
internal static class PreprocessorConfigReader
{
    public static PreprocessorConfig Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"preprocessor config is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("preprocessor config must be a JSON object.");
            }
            var type = String(root, "image_processor_type") ?? String(root, "feature_extractor_type");
            var defaults = ProcessorDefaults.For(type);
            var (size, shortestEdge) = ReadSize(root, defaults);
            return new PreprocessorConfig
            {
                ProcessorType = type,
                DoResize = Bool(root, "do_resize") ?? true,
                Size = size,
                ShortestEdge = shortestEdge,
                Resample = ReadResample(root) ?? defaults.Resample,
                DoCenterCrop = Bool(root, "do_center_crop") ?? defaults.DoCenterCrop,
                CropSize = Get(root, "crop_size") is { } crop ? Dimensions(crop, "crop_size", squareInteger: true).Size : new ImageSize(224, 224),
                DoRescale = Bool(root, "do_rescale") ?? true,
                RescaleFactor = Get(root, "rescale_factor") is { } factor ? Number(factor, "rescale_factor") : 1 / 255.0,
                DoNormalize = Bool(root, "do_normalize") ?? true,
                ImageMean = PerChannel(root, "image_mean") ?? defaults.Mean,
                ImageStd = PerChannel(root, "image_std") ?? defaults.Std,
            };
        }
    }

    private static (ImageSize? Size, int? ShortestEdge) ReadSize(JsonElement root, ProcessorDefaults defaults) =>
        Get(root, "size") is { } size
            ? Dimensions(size, "size", squareInteger: !defaults.IntegerSizeIsShortestEdge)
            : defaults.IntegerSizeIsShortestEdge ? (null, 224) : (new ImageSize(224, 224), null);

    private static (ImageSize? Size, int? ShortestEdge) Dimensions(JsonElement value, string key, bool squareInteger)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                var edge = Positive(value, key);
                return squareInteger ? (new ImageSize(edge, edge), null) : (null, edge);
            case JsonValueKind.Array when value.GetArrayLength() == 2:
                return (new ImageSize(Positive(value[0], key), Positive(value[1], key)), null);
            case JsonValueKind.Object when value.TryGetProperty("shortest_edge", out var shortest):
                if (value.TryGetProperty("longest_edge", out var longest) && longest.ValueKind != JsonValueKind.Null)
                {
                    throw new InvalidDataException($"{key}: longest_edge is not supported.");
                }
                return (null, Positive(shortest, key + ".shortest_edge"));
            case JsonValueKind.Object when value.TryGetProperty("height", out var height) && value.TryGetProperty("width", out var width):
                return (new ImageSize(Positive(height, key + ".height"), Positive(width, key + ".width")), null);
            default:
                throw new InvalidDataException($"{key}: expected an integer, [height, width], {{height, width}} or {{shortest_edge}}, got {value}.");
        }
    }

    private static ResamplingFilter? ReadResample(JsonElement root)
    {
        if (Get(root, "resample") is not { } value)
        {
            return null;
        }
        var filter = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : -1;
        return Enum.IsDefined((ResamplingFilter)filter)
            ? (ResamplingFilter)filter
            : throw new InvalidDataException($"resample: expected a Pillow filter number 0-5, got {value}.");
    }

    private static double[]? PerChannel(JsonElement root, string key) => Get(root, key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } scalar => [Number(scalar, key), Number(scalar, key), Number(scalar, key)],
        { ValueKind: JsonValueKind.Array } list when list.GetArrayLength() == 3 => [.. list.EnumerateArray().Select(v => Number(v, key))],
        var other => throw new InvalidDataException($"{key}: expected a number or 3 numbers, got {other}."),
    };

    private static JsonElement? Get(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement root, string key) =>
        Get(root, key) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool? Bool(JsonElement root, string key) => Get(root, key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        var other => throw new InvalidDataException($"{key}: expected true or false, got {other}."),
    };

    private static double Number(JsonElement value, string key) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new InvalidDataException($"{key}: expected a number, got {value}.");

    private static int Positive(JsonElement value, string key) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw new InvalidDataException($"{key}: expected a positive integer, got {value}.");
}
