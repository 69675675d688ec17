using System.Text.Json;

namespace Platform.Inference.Checkpoints;

/// <summary>config.json and generation_config.json, as the lookup chains the engine needs.</summary>
internal sealed class CheckpointConfig
{
    private CheckpointConfig(ConfigValues generation, ConfigValues decoderShapes, int? imageSize, int? maxPositions)
    {
        Generation = generation;
        DecoderShapes = decoderShapes;
        ImageSize = imageSize;
        MaxPositions = maxPositions;
    }

    /// <summary>generation_config.json, then config.json, then config.json's nested decoder (VisionEncoderDecoder).</summary>
    public ConfigValues Generation { get; }

    /// <summary>Head counts and sizes: the nested decoder config first, then the top level.</summary>
    public ConfigValues DecoderShapes { get; }

    /// <summary>The nested encoder's image_size, which a ViT's position embeddings are built for.</summary>
    public int? ImageSize { get; }

    /// <summary>max_position_embeddings: the encoder's nested config first (VisionEncoderDecoder), then the top level.</summary>
    public int? MaxPositions { get; }

    public static CheckpointConfig Read(string directory)
    {
        var config = ReadJson(directory, "config.json") ?? throw new InvalidCheckpointException(directory, "missing config.json");
        var generation = ReadJson(directory, "generation_config.json");
        var decoder = Nested(config, "decoder");
        var encoder = Nested(config, "encoder");
        return new CheckpointConfig(
            new ConfigValues([.. generation is { } found ? [found] : Array.Empty<JsonElement>(), config, decoder]),
            new ConfigValues([decoder, config]),
            new ConfigValues([encoder]).Int("image_size"),
            new ConfigValues([encoder, config]).Int("max_position_embeddings"));
    }

    private static JsonElement Nested(JsonElement config, string name) =>
        config.TryGetProperty(name, out var nested) ? nested : default;

    private static JsonElement? ReadJson(string directory, string file)
    {
        try
        {
            return ConfigValues.Read(Path.Combine(directory, file));
        }
        catch (JsonException e)
        {
            throw new InvalidCheckpointException(directory, $"{file} is not valid JSON: {e.Message}");
        }
    }
}
