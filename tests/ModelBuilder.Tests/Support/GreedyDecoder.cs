using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Platform.ModelBuilder.Tests.Support;

/// <summary>
/// A tiny greedy loop over a checkpoint's decoders for one input row: the prefix is fed first, then
/// argmax tokens until <paramref name="eos"/>. With <c>useCache</c> it runs the merged decoder with a KV cache.
/// </summary>
internal sealed class GreedyDecoder(string directory) : IDisposable
{
    private readonly OnnxModel full = new(Path.Combine(directory, "decoder_model.onnx"));
    private readonly OnnxModel merged = new(Path.Combine(directory, "decoder_model_merged.onnx"));

    public List<long> Run(IReadOnlyDictionary<string, NamedOnnxValue> encoder, long[] prefix, long eos, bool useCache, int maxLength = 12)
    {
        var tokens = prefix.ToList();
        var caches = new Dictionary<string, DenseTensor<float>>();
        var fed = 0;
        while (tokens.Count < maxLength)
        {
            var feeds = new Dictionary<string, NamedOnnxValue>(encoder);
            long[] step = useCache ? tokens.Skip(fed).ToArray() : tokens.ToArray();
            feeds["input_ids"] = Feeds.Ids("input_ids", [step]);
            if (useCache)
            {
                foreach (var name in merged.Inputs.Keys.Where(n => n.StartsWith("past_key_values.", StringComparison.Ordinal)))
                {
                    var shape = merged.Inputs[name].Dimensions;
                    feeds[name] = Feeds.Floats(name, caches.GetValueOrDefault(name) ?? Feeds.Empty(1, shape[1], shape[3]));
                }

                feeds["use_cache_branch"] = Feeds.Flag("use_cache_branch", fed > 0);
            }

            var outputs = (useCache ? merged : full).Run(feeds);
            foreach (var (name, value) in outputs.Where(o => o.Key.StartsWith("present.", StringComparison.Ordinal)))
            {
                caches["past_key_values" + name["present".Length..]] = value;
            }

            fed = tokens.Count;
            var last = Feeds.Row(outputs["logits"], 0, step.Length - 1);
            var next = Array.IndexOf(last, last.Max());
            tokens.Add(next);
            if (next == eos)
            {
                break;
            }
        }

        return tokens;
    }

    public void Dispose()
    {
        full.Dispose();
        merged.Dispose();
    }
}
