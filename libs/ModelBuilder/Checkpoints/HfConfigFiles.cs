using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.ModelBuilder.Checkpoints;

/// <summary>Writes config.json, generation_config.json and preprocessor_config.json as Hugging Face does.</summary>
public static class HfConfigFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(string path, JsonObject content) =>
        File.WriteAllText(path, content.ToJsonString(Indented) + "\n");

    /// <summary>VisionEncoderDecoder: the top level carries the generation ids, the parts nest as <c>encoder</c>/<c>decoder</c>.</summary>
    public static JsonObject VisionEncoderDecoder(JsonObject encoder, JsonObject decoder, SpecialTokens tokens, int vocabularySize) =>
        new()
        {
            ["architectures"] = new JsonArray("VisionEncoderDecoderModel"),
            ["model_type"] = "vision-encoder-decoder",
            ["is_encoder_decoder"] = true,
            ["tie_word_embeddings"] = false,
            ["decoder_start_token_id"] = tokens.DecoderStart,
            ["bos_token_id"] = tokens.Bos,
            ["eos_token_id"] = tokens.Eos,
            ["pad_token_id"] = tokens.Pad,
            ["vocab_size"] = vocabularySize,
            ["encoder"] = encoder,
            ["decoder"] = decoder,
        };

    public static JsonObject Generation(SpecialTokens tokens, int maxLength, int numBeams, int? forcedBos = null)
    {
        var config = new JsonObject
        {
            ["bos_token_id"] = tokens.Bos,
            ["decoder_start_token_id"] = tokens.DecoderStart,
            ["eos_token_id"] = tokens.Eos,
            ["forced_eos_token_id"] = tokens.Eos,
            ["max_length"] = maxLength,
            ["num_beams"] = numBeams,
            ["pad_token_id"] = tokens.Pad,
        };
        if (forcedBos is { } bos)
        {
            config["forced_bos_token_id"] = bos;
        }

        if (tokens.MarianStyle)
        {
            config["bad_words_ids"] = new JsonArray(new JsonArray(tokens.Pad));
            config["renormalize_logits"] = true;
        }

        return config;
    }

    /// <summary>ViTImageProcessor: bilinear (resample 2) resize to a square, rescale by 1/255, normalise with mean/std 0.5.</summary>
    public static JsonObject VitPreprocessor(int imageSize) =>
        new()
        {
            ["do_normalize"] = true,
            ["do_rescale"] = true,
            ["do_resize"] = true,
            ["image_mean"] = new JsonArray(0.5, 0.5, 0.5),
            ["image_processor_type"] = "ViTImageProcessor",
            ["image_std"] = new JsonArray(0.5, 0.5, 0.5),
            ["resample"] = 2,
            ["rescale_factor"] = 0.00392156862745098,
            ["size"] = new JsonObject { ["height"] = imageSize, ["width"] = imageSize },
        };
}
