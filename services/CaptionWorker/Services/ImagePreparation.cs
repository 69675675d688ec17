using Platform.Contracts;
using Platform.Inference.Imaging;
using Platform.Storage.Fetching;
using Platform.Workers.Batches;

namespace Platform.CaptionWorker.Services;

/// <summary>Fetches and preprocesses one item; a bad input fails that item in the outcome and yields nothing.</summary>
public sealed class ImagePreparation(InputFetcher fetcher, ILogger<ImagePreparation> logger)
{
    public async Task<PreparedImage?> PrepareAsync(WorkItem item, ImagePreprocessor preprocessor, BatchOutcome outcome, CancellationToken cancellationToken)
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
