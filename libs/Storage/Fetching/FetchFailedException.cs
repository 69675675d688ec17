namespace Platform.Storage.Fetching;

/// <summary>An input could not be fetched; <see cref="Reason"/> is one of <see cref="FetchFailureReasons"/>.</summary>
public sealed class FetchFailedException(string reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Reason { get; } = reason;
}
