using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts;
using Platform.Inference.Generation;
using Platform.ModelBuilder;

namespace Platform.Bench.Pipeline;

/// <summary>
/// End to end (Api → RabbitMQ → CaptionWorker → PostgreSQL) on a stack and services of its own, side by side in one run:
/// caption jobs, and the same checkpoint in a bare in-process loop over the same images (alternating, best of each);
/// the pipeline with a no-op model (<c>Worker:NoOpInference</c>), and planning 100k and 1M-item manifests, each
/// on a fresh Api process whose peak resident memory (VmHWM) is read. Writes bench/results/pipeline.json.
/// </summary>
internal static class PipelineBench
{
    private const int Images = 512;
    private const int WarmUpImages = 32;
    private const int EfficiencyRounds = 5;
    private const int MicroBatch = 32;
    private const int JobBatch = 64;
    private const int NoOpItems = 100_000;
    private const int NoOpJobBatch = 1000;
    private static readonly int[] PlanSizes = [100_000, 1_000_000];
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(5);

    // Compute dominates at this size (as in the inference suite), with exactly 16 new tokens per image.
    private static readonly RandomModelSpec Spec = new(Seed: 1, Layers: 4, Heads: 4, HiddenSize: 256, VocabularySize: 512, ImageSize: 32, PatchSize: 8, MaxPositions: 64);
    private static readonly GenerationOverrides Generation = new(NumBeams: 1, MaxNewTokens: 16, MinLength: 17);

    public static async Task<int> RunAsync()
    {
        var root = BenchPaths.RepositoryRoot();
        var result = new JsonObject { ["load_average_at_start"] = LoadAverage(), ["processor_count"] = Environment.ProcessorCount };
        var total = Stopwatch.StartNew();
        await using var stack = await BenchStack.StartAsync(root);
        var work = Directory.CreateDirectory(Path.Combine(stack.State, "bench")).FullName;
        var checkpointFolder = Path.Combine(work, "random-captioner");
        TestCheckpoints.WriteRandomImageToText(checkpointFolder, Spec);
        var images = Enumerable.Range(0, Images)
            .Select(i => SyntheticImages.Draw(SyntheticImages.Colours[i % 4], SyntheticImages.Shapes[i % 3], size: 48, format: i % 2 == 0 ? "png" : "jpeg", seed: i))
            .ToList();

        Guid checkpoint;
        await using (var api = await ServiceProcess.StartAsync(root, "Api", stack, "api", new Dictionary<string, string>()))
        {
            using var client = new BenchClient(api.Address, stack.Postgres);
            checkpoint = await client.UploadCheckpointAsync(checkpointFolder, "ImageToText");
            await MeasureEfficiencyAsync(root, stack, client, checkpoint, checkpointFolder, images, result);
            await MeasureNoOpAsync(root, stack, client, checkpoint, work, result);
        }
        foreach (var size in PlanSizes)
        {
            await MeasurePlanningAsync(root, stack, checkpoint, work, size, result);
        }
        result["load_average_at_end"] = LoadAverage();
        result["total_seconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);
        result["measured_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var path = BenchPaths.Result("pipeline.json");
        await File.WriteAllTextAsync(path, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"-> {path} (service logs in {stack.Logs})");
        return 0;
    }

    private static async Task MeasureEfficiencyAsync(
        string root, BenchStack stack, BenchClient client, Guid checkpoint, string checkpointFolder, List<byte[]> images, JsonObject result)
    {
        var warmUp = await client.UploadArchiveAsync(Archive(images.Take(WarmUpImages)));
        var dataset = await client.UploadArchiveAsync(Archive(images));
        var options = new GenerationOptions { NumBeams = Generation.NumBeams, MaxNewTokens = Generation.MaxNewTokens, MinLength = Generation.MinLength };
        var bare = new List<double>();
        var pipeline = new List<double>();
        await using (var worker = await StartWorkerAsync(root, stack, "caption-worker", ("Worker:MicroBatchSize", $"{MicroBatch}")))
        {
            // The first job downloads the checkpoint and loads its sessions, as the bare loop's first call does.
            await RunJobAsync(client, warmUp, checkpoint, WarmUpImages, JobBatch);
            // Alternating, the fastest of each counts: load from other processes skews both alike.
            for (var round = 0; round < EfficiencyRounds; round++)
            {
                bare.Add(BareLoop.ImagesPerSecond(checkpointFolder, images, MicroBatch, options));
                pipeline.Add(await RunJobAsync(client, dataset, checkpoint, Images, JobBatch));
            }
        }
        var ratio = pipeline.Max() / bare.Max();
        Console.WriteLine($"pipeline {pipeline.Max():F1} images/s, bare loop {bare.Max():F1} images/s (best of {EfficiencyRounds}): efficiency {ratio:F2}");
        result["efficiency_ratio"] = Math.Round(ratio, 3);
        result["pipeline_items_per_s"] = Math.Round(pipeline.Max(), 2);
        result["bare_items_per_s"] = Math.Round(bare.Max(), 2);
        result["pipeline_items_per_s_rounds"] = new JsonArray([.. pipeline.Select(rate => (JsonNode)Math.Round(rate, 2))]);
        result["bare_items_per_s_rounds"] = new JsonArray([.. bare.Select(rate => (JsonNode)Math.Round(rate, 2))]);
        result["efficiency_images"] = images.Count;
        result["model"] = JsonSerializer.SerializeToNode(Spec);
        result["generation"] = JsonSerializer.SerializeToNode(Generation);
    }

    private static async Task MeasureNoOpAsync(string root, BenchStack stack, BenchClient client, Guid checkpoint, string work, JsonObject result)
    {
        var manifest = ManifestFile.Write(work, NoOpItems);
        var dataset = await client.UploadManifestAsync(manifest);
        File.Delete(manifest);
        await using var worker = await StartWorkerAsync(
            root, stack, "noop-worker", ("Worker:NoOpInference", "true"), ("Worker:ConcurrentMessageLimit", "4"), ("Worker:PrefetchCount", "8"));
        var rate = await RunJobAsync(client, dataset, checkpoint, NoOpItems, NoOpJobBatch);
        Console.WriteLine($"no-op pipeline: {rate:F0} items/s over {NoOpItems} items");
        result["noop_items_per_s"] = Math.Round(rate, 1);
        result["noop_items"] = NoOpItems;
        result["noop_batch_size"] = NoOpJobBatch;
    }

    /// <summary>A fresh Api, so that its VmHWM is this manifest's alone; no worker runs, the batches stay queued.</summary>
    private static async Task MeasurePlanningAsync(string root, BenchStack stack, Guid checkpoint, string work, int size, JsonObject result)
    {
        var manifest = ManifestFile.Write(work, size);
        await using var api = await ServiceProcess.StartAsync(root, "Api", stack, $"api-plan-{size}", new Dictionary<string, string>());
        using var client = new BenchClient(api.Address, stack.Postgres);
        var ready = api.ResidentMegabytes();
        var watch = Stopwatch.StartNew();
        var dataset = await client.UploadManifestAsync(manifest);
        var ingest = watch.Elapsed.TotalSeconds;
        var ingestPeak = api.PeakResidentMegabytes();
        watch.Restart();
        var job = await client.CreateCaptionJobAsync(new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" }, generation = Generation });
        var queued = await client.WaitUntilPlannedAsync(job, JobTimeout);
        var plan = watch.Elapsed.TotalSeconds;
        var peak = api.PeakResidentMegabytes();
        var heap = await client.GcCommittedMegabytesAsync();
        File.Delete(manifest);
        var name = size >= 1_000_000 ? $"{size / 1_000_000}m" : $"{size / 1000}k";
        Console.WriteLine($"{size} items: ingested in {ingest:F1} s, planned in {plan:F1} s (queued {queued.TotalSeconds:F1} s), Api peak RSS {peak:F0} MB ({ingestPeak:F0} MB after ingestion, GC committed {heap:F0} MB)");
        result[$"plan_{name}_queued_seconds"] = Math.Round(queued.TotalSeconds, 2);
        result[$"plan_{name}_rss_when_ready_mb"] = Math.Round(ready, 1);
        result[$"plan_{name}_seconds"] = Math.Round(plan, 2);
        result[$"plan_{name}_peak_rss_mb"] = Math.Round(peak, 1);
        result[$"ingest_{name}_peak_rss_mb"] = Math.Round(ingestPeak, 1);
        result[$"plan_{name}_gc_committed_mb"] = Math.Round(heap, 1);
        result[$"ingest_{name}_seconds"] = Math.Round(ingest, 2);
    }

    /// <returns>Items per second from creating the job to seeing it settled.</returns>
    private static async Task<double> RunJobAsync(BenchClient client, Guid dataset, Guid checkpoint, int items, int batchSize)
    {
        var watch = Stopwatch.StartNew();
        var job = await client.CreateCaptionJobAsync(new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" }, generation = Generation, batchSize });
        var settled = await client.WaitUntilSettledAsync(job, JobTimeout);
        var seconds = watch.Elapsed.TotalSeconds;
        var succeeded = settled.GetProperty("items").GetProperty("succeeded").GetInt64();
        if (succeeded != items)
        {
            throw new InvalidOperationException($"Job {job} captioned {succeeded} of {items} items.");
        }
        return items / seconds;
    }

    private static Task<ServiceProcess> StartWorkerAsync(string root, BenchStack stack, string name, params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(setting => setting.Key, setting => setting.Value);
        all["CheckpointCache:Directory"] = Path.Combine(stack.State, "checkpoint-cache");
        return ServiceProcess.StartAsync(root, "CaptionWorker", stack, name, all);
    }

    private static Dictionary<string, byte[]> Archive(IEnumerable<byte[]> images) =>
        images.Select((image, i) => (Name: $"images/{i:D5}.{(i % 2 == 0 ? "png" : "jpg")}", image)).ToDictionary(entry => entry.Name, entry => entry.image);

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}
