using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Inference.Imaging;
using Platform.Storage.Fetching;
using Platform.Workers.Batches;

namespace Platform.CaptionWorker.Services;

/// <summary>Fetches and preprocesses items; a bad input fails its item in the outcome and yields nothing.</summary>
public sealed class ImagePreparation(InputFetcher fetcher, IOptions<FetchingOptions> options, ILogger<ImagePreparation> logger)
{
    /// <summary>Prepares every item, at most <see cref="FetchingOptions.MaxConcurrency"/> at once, into <paramref name="writer"/>; completes it.</summary>
    public async Task ProduceAsync(
        IReadOnlyList<WorkItem> items, ImagePreprocessor preprocessor, ChannelWriter<PreparedImage> writer, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(items, parallel, async (item, token) =>
            {
                if (await PrepareAsync(item, preprocessor, outcome, token) is { } image)
                {
                    await writer.WriteAsync(image, token);
                }
            });
            writer.Complete();
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
            throw;
        }
    }

    private async Task<PreparedImage?> PrepareAsync(WorkItem item, ImagePreprocessor preprocessor, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(item.Source))
        {
            outcome.Fail(item, null, ItemFailureReasons.MissingInput, "The item names no image.");
            return null;
        }
        try
        {
            var bytes = await fetcher.FetchImageAsync(item.Source, cancellationToken);
            var pixels = new float[preprocessor.Channels * preprocessor.Height * preprocessor.Width];
            preprocessor.Preprocess(bytes, pixels);
            return new PreparedImage(item, pixels);
        }
        catch (FetchFailedException exception)
        {
            logger.LogInformation("Item {Key} failed: {Reason}: {Detail}", item.Key, exception.Reason, exception.Message);
            outcome.Fail(item, null, exception.Reason, exception.Message);
        }
        catch (ImageRejectedException exception)
        {
            logger.LogInformation("Item {Key} rejected: {Reason}: {Detail}", item.Key, exception.Reason, exception.Message);
            outcome.Fail(item, null, ItemFailureReasons.Of(exception.Reason), exception.Message);
        }
        return null;
    }
}
