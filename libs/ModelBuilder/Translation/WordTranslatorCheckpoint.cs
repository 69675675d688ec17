using Platform.ModelBuilder.Checkpoints;
using Platform.ModelBuilder.Tokenizers;
using Platform.ModelBuilder.Transformers;

namespace Platform.ModelBuilder.Translation;

/// <summary>The hand-set Marian-style English → de|fr|es word translator (source.spm, target.spm, vocab.json).</summary>
public static class WordTranslatorCheckpoint
{
    public static void Write(string directory, string targetLanguage)
    {
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
        var shape = new RandomModelSpec(Layers: 1, Heads: 1, HiddenSize: model.Hidden, VocabularySize: vocabulary.Count, MaxPositions: 512);
        HfConfigFiles.Write(Path.Combine(directory, "config.json"), RandomTextToTextCheckpoint.MarianConfig(shape, tokens));
        HfConfigFiles.Write(Path.Combine(directory, "generation_config.json"), HfConfigFiles.Generation(tokens, maxLength: 64, numBeams: 4));
    }
}
