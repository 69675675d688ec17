using System.Text.Json.Nodes;
using Platform.ModelBuilder.Tokenizers;
using Platform.ModelBuilder.Transformers;

namespace Platform.ModelBuilder.Checkpoints;

/// <summary>
/// A random ViT encoder + GPT-2-style decoder in optimum's VisionEncoderDecoder layout. The
/// vocabulary is the GPT-2 tokenizer's (at least <see cref="RandomModelSpec.VocabularySize"/>, at least 257).
/// </summary>
public static class RandomImageToTextCheckpoint
{
    public static void Write(string directory, RandomModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Directory.CreateDirectory(directory);
        var words = RandomVocabulary.Words(spec.VocabularySize, w => Gpt2VocabularyWriter.Build(w).Vocabulary.Count);
        var vocabulary = Gpt2VocabularyWriter.Write(directory, words).Count;
        var weights = new WeightBank(spec.Seed);
        EncoderModelWriter.WriteImage(Path.Combine(directory, "encoder_model.onnx"), weights, spec);
        var decoder = new DecoderSpec(spec.Layers, spec.Heads, spec.HiddenSize, vocabulary, spec.MaxPositions, Seq2Seq: false);
        DecoderModelWriter.WriteAll(directory, decoder, (g, withPast) => DecoderBody.Build(g, weights, decoder, withPast));

        // GPT-2 uses <|endoftext|>, its last id, as bos, eos, pad and decoder start.
        var endOfText = vocabulary - 1;
        var tokens = new SpecialTokens(endOfText, endOfText, endOfText, endOfText);
        var encoderConfig = new JsonObject
        {
            ["model_type"] = "vit",
            ["hidden_size"] = spec.HiddenSize,
            ["num_hidden_layers"] = spec.Layers,
            ["num_attention_heads"] = spec.Heads,
            ["intermediate_size"] = 4 * spec.HiddenSize,
            ["image_size"] = spec.ImageSize,
            ["patch_size"] = spec.PatchSize,
            ["num_channels"] = 3,
        };
        var decoderConfig = new JsonObject
        {
            ["model_type"] = "gpt2",
            ["vocab_size"] = vocabulary,
            ["n_embd"] = spec.HiddenSize,
            ["n_layer"] = spec.Layers,
            ["n_head"] = spec.Heads,
            ["n_positions"] = spec.MaxPositions,
            ["add_cross_attention"] = true,
            ["is_decoder"] = true,
            ["bos_token_id"] = endOfText,
            ["eos_token_id"] = endOfText,
        };
        HfConfigFiles.Write(Path.Combine(directory, "config.json"), HfConfigFiles.VisionEncoderDecoder(encoderConfig, decoderConfig, tokens, vocabulary));
        HfConfigFiles.Write(Path.Combine(directory, "generation_config.json"), HfConfigFiles.Generation(tokens, maxLength: 16, numBeams: 1));
        HfConfigFiles.Write(Path.Combine(directory, "preprocessor_config.json"), HfConfigFiles.VitPreprocessor(spec.ImageSize));
    }
}
