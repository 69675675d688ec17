using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.ModelBuilder.Tests.Support;

/// <summary>Captions an encoded image with the captioner's files: preprocess, encode, greedy decode, map ids to words.</summary>
internal sealed class CaptionerHarness(string directory) : IDisposable
{
    private readonly OnnxModel encoder = new(Path.Combine(directory, "encoder_model.onnx"));
    private readonly GreedyDecoder decoder = new(directory);
    private readonly IReadOnlyList<string> pieces = Sentencepiece.ModelProto.Parser
        .ParseFrom(File.ReadAllBytes(Path.Combine(directory, MbartVocabulary.ModelFileName))).Pieces.Select(p => p.Piece).ToList();

    public long LanguageId(string languageCode) => MbartVocabulary.LanguageCodeId(pieces.Count, languageCode);

    /// <summary>The encoder's colour (4) and shape (3) probabilities.</summary>
    public DenseTensor<float> Encode(byte[] image)
    {
        var pixels = SimplePreprocessor.Preprocess(image, 64);
        return encoder.Run(new Dictionary<string, NamedOnnxValue> { ["pixel_values"] = Feeds.Floats("pixel_values", pixels) })["last_hidden_state"];
    }

    public string Caption(byte[] image, string languageCode, bool useCache = false) =>
        string.Concat(CaptionIds(image, languageCode, useCache).Select(id => pieces[(int)id - MbartVocabulary.FairseqOffset]))
            .Replace(WholeWordPieces.WordBoundary, ' ').Trim();

    /// <summary>The generated ids between the forced language code and the final <c>&lt;/s&gt;</c>.</summary>
    public IReadOnlyList<long> CaptionIds(byte[] image, string languageCode, bool useCache = false)
    {
        var hidden = Encode(image);
        var encoded = new Dictionary<string, NamedOnnxValue> { ["encoder_hidden_states"] = Feeds.Floats("encoder_hidden_states", hidden) };
        long[] prefix = [MbartVocabulary.EosId, LanguageId(languageCode)];
        var ids = decoder.Run(encoded, prefix, MbartVocabulary.EosId, useCache);
        Assert.Equal(MbartVocabulary.EosId, ids[^1]);
        return ids[2..^1];
    }

    public void Dispose()
    {
        encoder.Dispose();
        decoder.Dispose();
    }
}
