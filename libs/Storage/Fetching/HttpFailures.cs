using Polly.Timeout;

namespace Platform.Storage.Fetching;

/// <summary>Turns what HttpClient and the resilience pipeline throw into reason-coded fetch failures.</summary>
internal static class HttpFailures
{
    public static async Task<HttpResponseMessage> GuardAsync(Uri uri, Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (Exception exception) when (BlockedAddressException.FindIn(exception) is { } blocked)
        {
            throw new FetchFailedException(FetchFailureReasons.BlockedAddress, $"GET {uri} refused: {blocked.Message}", exception);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new FetchFailedException(FetchFailureReasons.Timeout, $"GET {uri} timed out: {exception.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new FetchFailedException(FetchFailureReasons.HttpError, $"GET {uri} failed: {exception.Message}", exception);
        }
    }

    public static bool IsBlocked(Exception? exception) => BlockedAddressException.FindIn(exception) is not null;
}
