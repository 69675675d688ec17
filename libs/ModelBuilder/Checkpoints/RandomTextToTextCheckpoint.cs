using System.Text.Json.Nodes;
using Platform.ModelBuilder.Tokenizers;
using Platform.ModelBuilder.Transformers;

namespace Platform.ModelBuilder.Checkpoints;

/// <summary>
/// A random Marian-style encoder-decoder in optimum's seq2seq layout; the vocabulary is the shared
/// vocab.json (at least <see cref="RandomModelSpec.VocabularySize"/> ids).
/// </summary>
public static class RandomTextToTextCheckpoint
{
    public static void Write(string directory, RandomModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Directory.CreateDirectory(directory);
        var words = RandomVocabulary.Words(spec.VocabularySize, MarianVocabularySize);
        var sized = spec with { VocabularySize = MarianVocabularyWriter.Write(directory, words, words).Count };
        var weights = new WeightBank(spec.Seed);
        EncoderModelWriter.WriteText(Path.Combine(directory, "encoder_model.onnx"), weights, sized);
        var decoder = new DecoderSpec(spec.Layers, spec.Heads, spec.HiddenSize, sized.VocabularySize, spec.MaxPositions, Seq2Seq: true);
        DecoderModelWriter.WriteAll(directory, decoder, (g, withPast) => DecoderBody.Build(g, weights, decoder, withPast));
        var tokens = MarianTokens(sized.VocabularySize);
        HfConfigFiles.Write(Path.Combine(directory, "config.json"), MarianConfig(sized, tokens));
        HfConfigFiles.Write(Path.Combine(directory, "generation_config.json"), HfConfigFiles.Generation(tokens, maxLength: 32, numBeams: 4));
    }

    private static int MarianVocabularySize(IReadOnlyList<string> words) =>
        WholeWordPieces.Build(WholeWordPieces.MarianSpecials, words, SentencePieceModelType.Unigram).Count + 1;

    /// <summary>Marian: <c>&lt;/s&gt;</c> = 0 ends and (as bos) never starts; <c>&lt;pad&gt;</c>, the last id, starts decoding.</summary>
    public static SpecialTokens MarianTokens(int vocabularySize) =>
        new(Bos: 0, Eos: 0, Pad: vocabularySize - 1, DecoderStart: vocabularySize - 1) { MarianStyle = true };

    public static JsonObject MarianConfig(RandomModelSpec spec, SpecialTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(tokens);
        return new JsonObject
        {
            ["architectures"] = new JsonArray("MarianMTModel"),
            ["model_type"] = "marian",
            ["is_encoder_decoder"] = true,
            ["vocab_size"] = spec.VocabularySize,
            ["decoder_vocab_size"] = spec.VocabularySize,
            ["d_model"] = spec.HiddenSize,
            ["encoder_layers"] = spec.Layers,
            ["decoder_layers"] = spec.Layers,
            ["encoder_attention_heads"] = spec.Heads,
            ["decoder_attention_heads"] = spec.Heads,
            ["encoder_ffn_dim"] = 4 * spec.HiddenSize,
            ["decoder_ffn_dim"] = 4 * spec.HiddenSize,
            ["max_position_embeddings"] = spec.MaxPositions,
            ["bos_token_id"] = tokens.Bos,
            ["eos_token_id"] = tokens.Eos,
            ["pad_token_id"] = tokens.Pad,
            ["decoder_start_token_id"] = tokens.DecoderStart,
            ["forced_eos_token_id"] = tokens.Eos,
            ["bad_words_ids"] = new JsonArray(new JsonArray(tokens.Pad)),
        };
    }
}
