using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.ModelBuilder.Tests.Support;

/// <summary>
/// Translates with a Marian-style checkpoint's files: table words map to their vocab.json ids
/// (each is one source.spm piece), then <c>&lt;/s&gt;</c>; decoding starts from <c>&lt;pad&gt;</c>.
/// </summary>
internal sealed class TranslatorHarness(string directory) : IDisposable
{
    private readonly OnnxModel encoder = new(Path.Combine(directory, "encoder_model.onnx"));
    private readonly GreedyDecoder decoder = new(directory);
    private readonly Dictionary<string, int> vocabulary = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "vocab.json")))!
        .AsObject().ToDictionary(p => p.Key, p => (int)p.Value!);

    public int Pad => vocabulary.Count - 1;

    public long[] SourceIds(string text) =>
        [.. text.Split(' ').Select(word => (long)vocabulary[WholeWordPieces.WordBoundary + word]), 0];

    public Dictionary<string, NamedOnnxValue> Encode(long[][] ids, long[][] mask)
    {
        var hidden = encoder.Run(new Dictionary<string, NamedOnnxValue>
        {
            ["input_ids"] = Feeds.Ids("input_ids", ids),
            ["attention_mask"] = Feeds.Ids("attention_mask", mask),
        })["last_hidden_state"];
        return new Dictionary<string, NamedOnnxValue>
        {
            ["encoder_hidden_states"] = Feeds.Floats("encoder_hidden_states", hidden),
            ["encoder_attention_mask"] = Feeds.Ids("encoder_attention_mask", mask),
        };
    }

    public string Translate(string english, bool useCache = false)
    {
        var ids = SourceIds(english);
        var output = decoder.Run(Encode([ids], [ids.Select(_ => 1L).ToArray()]), [Pad], eos: 0, useCache, maxLength: 32);
        Assert.Equal(0, output[^1]);
        return Text(output.Skip(1).SkipLast(1));
    }

    public string Text(IEnumerable<long> ids)
    {
        var tokens = vocabulary.ToDictionary(p => (long)p.Value, p => p.Key);
        return string.Concat(ids.Select(id => tokens[id])).Replace(WholeWordPieces.WordBoundary, ' ').Trim();
    }

    public void Dispose()
    {
        encoder.Dispose();
        decoder.Dispose();
    }
}
