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

    /// <summary>The encoder's colour (4) and shape (3) probabilities.</summary>
    public DenseTensor<float> Encode(byte[] image)
    {
        var pixels = SimplePreprocessor.Preprocess(image, 64);
        return encoder.Run(new Dictionary<string, NamedOnnxValue> { ["pixel_values"] = Feeds.Floats("pixel_values", pixels) })["last_hidden_state"];
    }

    public string Caption(byte[] image, string languageCode, bool useCache = false)
    {
        var hidden = Encode(image);
        var encoded = new Dictionary<string, NamedOnnxValue> { ["encoder_hidden_states"] = Feeds.Floats("encoder_hidden_states", hidden) };
        long[] prefix = [MbartVocabulary.EosId, MbartVocabulary.LanguageCodeId(pieces.Count, languageCode)];
        var ids = decoder.Run(encoded, prefix, MbartVocabulary.EosId, useCache);
        Assert.Equal(MbartVocabulary.EosId, ids[^1]);
        return string.Concat(ids.Skip(2).SkipLast(1).Select(id => pieces[(int)id - MbartVocabulary.FairseqOffset]))
            .Replace(WholeWordPieces.WordBoundary, ' ').Trim();
    }

    public void Dispose()
    {
        encoder.Dispose();
        decoder.Dispose();
    }
}
