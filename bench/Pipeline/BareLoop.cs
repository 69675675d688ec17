using System.Diagnostics;
using Platform.Inference.Checkpoints;
using Platform.Inference.Execution;
using Platform.Inference.Generation;

namespace Platform.Bench.Pipeline;

/// <summary>The same checkpoint, images and micro-batches as the worker, in a plain loop in this process: the ceiling.</summary>
internal static class BareLoop
{
    /// <returns>Images (decoded and captioned) per second.</returns>
    public static double ImagesPerSecond(string checkpointFolder, IReadOnlyList<byte[]> images, int microBatch, GenerationOptions options)
    {
        // A plain loop has the cores to itself: ONNX Runtime's default (spinning threads) is its fastest.
        using var cache = new CheckpointCache(new SessionFactory(new ExecutionOptions { AllowSpinning = true }));
        var generator = new TextGenerator(cache.Get(checkpointFolder));
        generator.Caption([images[0]], [null], options, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var captioned = 0;
        foreach (var slice in images.Chunk(microBatch))
        {
            captioned += generator.Caption([.. slice.Select(image => (ReadOnlyMemory<byte>)image)], [null], options, CancellationToken.None).Count(result => result.Rank == 0);
        }
        if (captioned != images.Count)
        {
            throw new InvalidOperationException($"The bare loop captioned {captioned} of {images.Count} images.");
        }
        return images.Count / watch.Elapsed.TotalSeconds;
    }
}
