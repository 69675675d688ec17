using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Workers.Batches;
using Platform.Workers.Checkpoints;
using Platform.Workers.Generation;
using Platform.Workers.Options;

namespace Platform.CaptionWorker.Services;

/// <summary>
/// Captions a batch in every requested language. Fetching and decoding run ahead of inference (bounded concurrency,
/// bounded channel), inference takes micro-batches as they fill.
/// </summary>
public sealed class CaptionService(
    CheckpointProvider checkpoints, ImagePreparation preparation, MicroBatcher batcher, IOptions<WorkerOptions> worker)
{
    public async Task CaptionAsync(CaptionBatch batch, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.GetAsync(batch.CheckpointId, cancellationToken);
        var preprocessor = checkpoint.ImagePreprocessor
            ?? throw new CheckpointUnavailableException(batch.CheckpointId, "it does not take images");
        var (targets, unsupported) = checkpoint.Capabilities.Resolve(batch.Languages);
        foreach (var language in unsupported)
        {
            foreach (var item in batch.Items)
            {
                outcome.Fail(item, language, ItemFailureReasons.UnsupportedLanguage, $"The checkpoint has no '{language}' language token.");
            }
        }
        if (targets.Count == 0)
        {
            return;
        }
        var prepared = Channel.CreateBounded<PreparedImage>(new BoundedChannelOptions(worker.Value.PipelineCapacity) { SingleReader = true });
        using var stopFetching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = preparation.ProduceAsync(batch.Items, preprocessor, prepared.Writer, outcome, stopFetching.Token);
        try
        {
            await InferAsync(new TextGenerator(checkpoint), preprocessor, prepared.Reader, targets, batch.Generation.ToOptions(), outcome, cancellationToken);
        }
        catch
        {
            // Fetching must not outlive a failed batch, blocked on a channel nobody reads any more.
            await stopFetching.CancelAsync();
            await Task.WhenAny(producer);
            throw;
        }
        await producer;
    }

    private async Task InferAsync(
        TextGenerator generator, Inference.Imaging.ImagePreprocessor preprocessor, ChannelReader<PreparedImage> prepared,
        IReadOnlyList<LanguageTarget> targets, GenerationOptions? options, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        var pending = new List<PreparedImage>();
        await foreach (var image in prepared.ReadAllAsync(cancellationToken))
        {
            pending.Add(image);
            if (pending.Count >= batcher.Size)
            {
                await GenerateAsync(generator, preprocessor, pending, targets, options, outcome, cancellationToken);
                pending.Clear();
            }
        }
        await GenerateAsync(generator, preprocessor, pending, targets, options, outcome, cancellationToken);
    }

    private Task GenerateAsync(
        TextGenerator generator, Inference.Imaging.ImagePreprocessor preprocessor, List<PreparedImage> images, IReadOnlyList<LanguageTarget> targets,
        GenerationOptions? options, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        var forced = targets.Select(target => target.ForcedToken).ToList();
        return batcher.RunAsync(images, slice =>
        {
            var length = preprocessor.Channels * preprocessor.Height * preprocessor.Width;
            var values = new float[slice.Count * length];
            for (var i = 0; i < slice.Count; i++)
            {
                slice[i].Pixels.CopyTo(values, i * length);
            }
            var pixels = new PixelBatch(values, slice.Count, preprocessor.Channels, preprocessor.Height, preprocessor.Width);
            // Best sequences come input-major, then in target order; two codes may share a token (de, de_DE).
            foreach (var (result, k) in generator.Caption(pixels, forced, options, cancellationToken).Where(result => result.Rank == 0).Select((result, k) => (result, k)))
            {
                var language = targets[k % targets.Count].Language;
                outcome.Add(slice[result.InputIndex].Item, language, result.Text, result.Score);
            }
        }, cancellationToken);
    }
}
