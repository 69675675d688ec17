using System.Text.Json.Nodes;
using Platform.ModelBuilder.Checkpoints;
using Platform.ModelBuilder.Tokenizers;
using Platform.ModelBuilder.Transformers;

namespace Platform.ModelBuilder.Captioning;

/// <summary>
/// The hand-set colour-and-shape captioner: a VisionEncoderDecoder-layout checkpoint with an
/// mBART-50 tokenizer whose decoder starts with <c>&lt;/s&gt;</c>, takes the forced language code,
/// and writes <see cref="CaptionPhrases"/> then <c>&lt;/s&gt;</c>.
/// </summary>
public static class ColourShapeCaptionerCheckpoint
{
    public const int ImageSize = 64;

    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var pieces = MbartVocabulary.Write(directory, CaptionPhrases.Vocabulary());
        var vocabulary = MbartVocabulary.VocabularySize(pieces.Count);
        var pieceIds = pieces.Select((entry, index) => (entry.Piece, index)).ToDictionary(p => p.Piece, p => p.index);
        int WordId(string word) => MbartVocabulary.TokenId(pieceIds[WholeWordPieces.WordBoundary + word]);
        var languageIds = CaptionLanguage.All.Select(l => MbartVocabulary.LanguageCodeId(pieces.Count, l.Code)).ToList();
        int Target(int language, int step, int colour, int shape) => step switch
        {
            0 => languageIds[0],
            >= 1 and <= 3 => WordId(CaptionPhrases.Words(language, colour, shape)[step - 1]),
            _ => MbartVocabulary.EosId,
        };

        ColourShapeEncoder.Write(Path.Combine(directory, "encoder_model.onnx"));
        var decoder = new ColourShapeDecoder(vocabulary, languageIds, Target);
        DecoderModelWriter.WriteAll(directory, decoder.Spec, decoder.Build);

        var tokens = new SpecialTokens(MbartVocabulary.BosId, MbartVocabulary.EosId, MbartVocabulary.PadId, DecoderStart: MbartVocabulary.EosId);
        var encoderConfig = new JsonObject
        {
            ["model_type"] = "vit",
            ["hidden_size"] = ColourShapeEncoder.Hidden,
            ["image_size"] = ImageSize,
            ["num_channels"] = 3,
        };
        var decoderConfig = new JsonObject
        {
            ["model_type"] = "mbart",
            ["vocab_size"] = vocabulary,
            ["d_model"] = ColourShapeEncoder.Hidden,
            ["decoder_layers"] = 1,
            ["decoder_attention_heads"] = 1,
            ["is_decoder"] = true,
            ["add_cross_attention"] = true,
            ["bos_token_id"] = tokens.Bos,
            ["eos_token_id"] = tokens.Eos,
            ["pad_token_id"] = tokens.Pad,
            ["decoder_start_token_id"] = tokens.DecoderStart,
        };
        HfConfigFiles.Write(Path.Combine(directory, "config.json"), HfConfigFiles.VisionEncoderDecoder(encoderConfig, decoderConfig, tokens, vocabulary));
        HfConfigFiles.Write(Path.Combine(directory, "generation_config.json"), HfConfigFiles.Generation(tokens, maxLength: 16, numBeams: 4));
        HfConfigFiles.Write(Path.Combine(directory, "preprocessor_config.json"), HfConfigFiles.VitPreprocessor(ImageSize));
    }
}
