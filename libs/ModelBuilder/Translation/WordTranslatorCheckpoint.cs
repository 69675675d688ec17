using System.Text.Json.Nodes;
using Platform.ModelBuilder.Checkpoints;
using Platform.ModelBuilder.Tokenizers;
using Platform.ModelBuilder.Transformers;

namespace Platform.ModelBuilder.Translation;

/// <summary>
/// The hand-set Marian-style English → de|fr|es word translator (source.spm, target.spm, vocab.json), declaring its
/// pair in tokenizer_config.json as Marian exports do. The graphs have no position embeddings, so any length works;
/// <paramref name="maxPositions"/> is what config.json claims (and bounds max_length), to exercise long-text splitting.
/// </summary>
public static class WordTranslatorCheckpoint
{
    public const int DefaultMaxPositions = 512;

    public static void Write(string directory, string targetLanguage, int maxPositions = DefaultMaxPositions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPositions, 4);
        ArgumentNullException.ThrowIfNull(targetLanguage);
        if (!WordTranslations.TargetLanguages.Contains(targetLanguage))
        {
            throw new ArgumentException($"Unsupported target language '{targetLanguage}'; use de, fr or es.", nameof(targetLanguage));
        }

        Directory.CreateDirectory(directory);
        var vocabulary = MarianVocabularyWriter.Write(
            directory, WordTranslations.Table.Select(w => w.English), WordTranslations.Table.Select(w => w.In(targetLanguage)));
        var model = new WordTranslatorModel(vocabulary, targetLanguage);
        model.WriteEncoder(Path.Combine(directory, "encoder_model.onnx"));
        DecoderModelWriter.WriteAll(directory, model.Spec, model.BuildDecoder);
        var tokens = RandomTextToTextCheckpoint.MarianTokens(vocabulary.Count);
        var shape = new RandomModelSpec(Layers: 1, Heads: 1, HiddenSize: model.Hidden, VocabularySize: vocabulary.Count, MaxPositions: maxPositions);
        HfConfigFiles.Write(Path.Combine(directory, "config.json"), RandomTextToTextCheckpoint.MarianConfig(shape, tokens));
        HfConfigFiles.Write(Path.Combine(directory, "generation_config.json"), HfConfigFiles.Generation(tokens, maxLength: Math.Min(64, maxPositions), numBeams: 4));
        HfConfigFiles.Write(Path.Combine(directory, "tokenizer_config.json"), new JsonObject { ["source_lang"] = "en", ["target_lang"] = targetLanguage });
    }
}
