using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.ModelBuilder;

namespace Platform.Bench;

/// <summary>
/// Greedy generation of exactly <see cref="NewTokens"/> tokens per input on random checkpoints big enough
/// for compute to dominate, at batch 1, 8 and 32, with and without the KV cache, side by side: the two
/// alternate call by call and the fastest of <see cref="Rounds"/> calls counts, so that load from other
/// processes on a shared machine skews both alike. Writes bench/results/inference.json.
/// </summary>
internal static class InferenceBench
{
    private const int NewTokens = 32;
    private const int Rounds = 3;
    private static readonly int[] Batches = [1, 8, 32];
    private static readonly RandomModelSpec Spec = new(Seed: 1, Layers: 4, Heads: 4, HiddenSize: 256, VocabularySize: 512, ImageSize: 32, PatchSize: 8, MaxPositions: 64);

    // EOS is masked until the forced EOS at the last position, so every input generates NewTokens tokens.
    private static readonly GenerationOptions Options = new() { NumBeams = 1, MaxNewTokens = NewTokens, MinLength = NewTokens + 1 };

    public static int Run()
    {
        var directory = Directory.CreateTempSubdirectory("bench-inference-").FullName;
        try
        {
            var image = Path.Combine(directory, "image");
            var text = Path.Combine(directory, "text");
            TestCheckpoints.WriteRandomImageToText(image, Spec);
            TestCheckpoints.WriteRandomTextToText(text, Spec);
            var runs = new List<InferenceRun>();
            runs.AddRange(Compare("image-to-text", image, (checkpoint, batch) =>
            {
                var pixels = Pixels(batch);
                return () => checkpoint.GenerateFromPixels(pixels, [null], Options, CancellationToken.None);
            }));
            runs.AddRange(Compare("text-to-text", text, (checkpoint, batch) =>
            {
                var sources = Enumerable.Range(0, batch).Select(i => new[] { 5 + (i % 40), 9, 13 + (i % 7), 0 }).ToList();
                return () => checkpoint.GenerateFromTokens(sources, [null], Options, CancellationToken.None);
            }));
            Write(runs);
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IEnumerable<InferenceRun> Compare(
        string model, string directory, Func<Checkpoint, int, Func<IReadOnlyList<GeneratedSequence[]>>> workload)
    {
        using var cached = Checkpoint.Load(directory, new CheckpointOptions { CacheMode = CacheMode.Auto });
        using var recomputed = Checkpoint.Load(directory, new CheckpointOptions { CacheMode = CacheMode.None });
        Check(workload(cached, 1)(), 1);
        Check(workload(recomputed, 1)(), 1);
        foreach (var batch in Batches)
        {
            var calls = new[] { workload(cached, batch), workload(recomputed, batch) };
            var fastest = new[] { double.MaxValue, double.MaxValue };
            for (var round = 0; round < Rounds; round++)
            {
                for (var i = 0; i < calls.Length; i++)
                {
                    var watch = Stopwatch.StartNew();
                    Check(calls[i](), batch);
                    fastest[i] = Math.Min(fastest[i], watch.Elapsed.TotalSeconds);
                }
            }
            for (var i = 0; i < calls.Length; i++)
            {
                var run = new InferenceRun(model, batch, i == 0, Rounds, fastest[i], batch / fastest[i], batch * NewTokens / fastest[i]);
                Console.WriteLine($"{model,-14} batch {batch,2} cache {(run.KvCache ? "on " : "off")}: {run.InputsPerSecond,8:F1} inputs/s {run.TokensPerSecond,8:F0} tokens/s");
                yield return run;
            }
        }
    }

    private static void Check(IReadOnlyList<GeneratedSequence[]> results, int batch)
    {
        var generated = results.Sum(result => result[0].TokenIds.Count - 1);
        if (generated != batch * NewTokens)
        {
            throw new InvalidOperationException($"Expected {batch * NewTokens} generated tokens, got {generated}.");
        }
    }

    private static void Write(List<InferenceRun> runs)
    {
        double Throughput(int batch, bool cache) =>
            runs.Single(run => run.Model == "image-to-text" && run.Batch == batch && run.KvCache == cache).InputsPerSecond;
        var speedups = new JsonObject();
        foreach (var batch in Batches)
        {
            speedups[$"batch{batch}"] = Math.Round(Throughput(batch, true) / Throughput(batch, false), 2);
        }
        // At batch 32 compute dominates: that is where the cache's saving (not ORT's per-call overhead) shows.
        var kvSpeedup = Throughput(32, true) / Throughput(32, false);
        var batchGain = Throughput(32, true) / Throughput(1, true);
        var result = new JsonObject
        {
            ["kv_cache_speedup"] = Math.Round(kvSpeedup, 2),
            ["batch32_vs_batch1"] = Math.Round(batchGain, 2),
            ["kv_cache_speedup_by_batch"] = speedups,
            ["new_tokens"] = NewTokens,
            ["spec"] = JsonSerializer.SerializeToNode(Spec),
            ["processor_count"] = Environment.ProcessorCount,
            ["runs"] = JsonSerializer.SerializeToNode(runs),
        };
        var path = BenchPaths.Result("inference.json");
        File.WriteAllText(path, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"KV cache speed-up at batch 32 (image-to-text): {kvSpeedup:F2}x; batch 32 vs batch 1 per image: {batchGain:F2}x -> {path}");
    }

    private static PixelBatch Pixels(int count)
    {
        var random = new Random(count);
        var values = new float[count * 3 * Spec.ImageSize * Spec.ImageSize];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }
        return new PixelBatch(values, count, 3, Spec.ImageSize, Spec.ImageSize);
    }
}
