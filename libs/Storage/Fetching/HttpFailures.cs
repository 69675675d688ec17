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
        catch (Exception exception) when (Find<BlockedAddressException>(exception) is { } blocked)
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

    public static bool IsBlocked(Exception? exception) => Find<BlockedAddressException>(exception) is not null;

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }
        return null;
    }
}
