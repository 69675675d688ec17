using Platform.ModelBuilder.Captioning;
using Platform.ModelBuilder.Checkpoints;
using Platform.ModelBuilder.Translation;

namespace Platform.ModelBuilder;

/// <summary>
/// Complete optimum-layout checkpoint folders (encoder_model.onnx, decoder_model.onnx,
/// decoder_with_past_model.onnx, decoder_model_merged.onnx, config.json, generation_config.json,
/// preprocessor_config.json for image models, tokenizer files) for tests, bench and the demo.
/// </summary>
public static class TestCheckpoints
{
    /// <summary>ViT-like encoder + GPT-2-style decoder (<c>past_key_values.{i}.key|value</c>), vocab.json + merges.txt.</summary>
    public static void WriteRandomImageToText(string directory, RandomModelSpec spec) =>
        RandomImageToTextCheckpoint.Write(directory, spec);

    /// <summary>Marian-style encoder-decoder (<c>past_key_values.{i}.decoder|encoder.key|value</c>), source.spm + target.spm + vocab.json.</summary>
    public static void WriteRandomTextToText(string directory, RandomModelSpec spec) =>
        RandomTextToTextCheckpoint.Write(directory, spec);

    /// <summary>Hand-set captioner naming the colour and shape of a <see cref="SyntheticImages"/> picture in the forced language (en_XX, fr_XX, de_DE, es_XX).</summary>
    public static void WriteColourShapeCaptioner(string directory) => ColourShapeCaptionerCheckpoint.Write(directory);

    /// <summary>Hand-set Marian-style English → de|fr|es word-by-word translator; see <see cref="WordTranslations"/>.</summary>
    /// <param name="maxPositions">What config.json declares as max_position_embeddings (the graphs take any length).</param>
    public static void WriteWordTranslator(string directory, string targetLanguage, int maxPositions = WordTranslatorCheckpoint.DefaultMaxPositions) =>
        WordTranslatorCheckpoint.Write(directory, targetLanguage, maxPositions);
}
