using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Platform.ModelBuilder.Tests.Support;

/// <summary>
/// Runs a checkpoint's decoders over a fixed token matrix three ways (whole sequence, cached step
/// by step, merged) and returns the logits as [step][batch][vocab].
/// </summary>
internal sealed class DecoderRunner(string directory, int layers, int heads, int headSize) : IDisposable
{
    private readonly OnnxModel full = new(Path.Combine(directory, "decoder_model.onnx"));
    private readonly OnnxModel withPast = new(Path.Combine(directory, "decoder_with_past_model.onnx"));
    private readonly OnnxModel merged = new(Path.Combine(directory, "decoder_model_merged.onnx"));

    public float[][][] WholeSequence(IReadOnlyDictionary<string, NamedOnnxValue> encoder, long[][] tokens)
    {
        var logits = full.Run(With(encoder, Feeds.Ids("input_ids", tokens)))["logits"];
        return Enumerable.Range(0, tokens[0].Length)
            .Select(t => Enumerable.Range(0, tokens.Length).Select(b => Feeds.Row(logits, b, t)).ToArray())
            .ToArray();
    }

    /// <summary>Step 0 without a cache (decoder_model, or the merged else-branch fed empty caches), then cached steps.</summary>
    public float[][][] StepByStep(IReadOnlyDictionary<string, NamedOnnxValue> encoder, long[][] tokens, bool useMerged)
    {
        var caches = new Dictionary<string, DenseTensor<float>>();
        foreach (var name in merged.Inputs.Keys.Where(n => n.StartsWith("past_key_values.", StringComparison.Ordinal)))
        {
            caches[name] = Feeds.Empty(tokens.Length, heads, headSize);
        }

        var steps = new List<float[][]>();
        for (var t = 0; t < tokens[0].Length; t++)
        {
            var step = Feeds.Ids("input_ids", tokens.Select(row => new[] { row[t] }).ToArray());
            var feeds = With(encoder, step);
            foreach (var (name, cache) in caches)
            {
                feeds[name] = Feeds.Floats(name, cache);
            }

            feeds["use_cache_branch"] = Feeds.Flag("use_cache_branch", t > 0);
            var model = useMerged ? merged : t == 0 ? full : withPast;
            var outputs = model.Run(feeds);
            foreach (var (name, value) in outputs.Where(o => o.Key.StartsWith("present.", StringComparison.Ordinal)))
            {
                caches["past_key_values" + name["present".Length..]] = value;
            }

            steps.Add(Enumerable.Range(0, tokens.Length).Select(b => Feeds.Row(outputs["logits"], b, 0)).ToArray());
        }

        Assert.Equal(layers * (encoder.ContainsKey("encoder_attention_mask") ? 4 : 2), caches.Count);
        return steps.ToArray();
    }

    public void Dispose()
    {
        full.Dispose();
        withPast.Dispose();
        merged.Dispose();
    }

    private static Dictionary<string, NamedOnnxValue> With(IReadOnlyDictionary<string, NamedOnnxValue> encoder, NamedOnnxValue ids) =>
        new(encoder) { ["input_ids"] = ids };
}
