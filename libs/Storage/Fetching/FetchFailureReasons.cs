namespace Platform.Storage.Fetching;

/// <summary>Machine-readable reasons an input was not fetched, as reported per item.</summary>
public static class FetchFailureReasons
{
    public const string NotFound = "not_found";
    public const string HttpError = "http_error";
    public const string Timeout = "timeout";
    public const string TooLarge = "too_large";
    public const string NotAnImage = "not_an_image";
    public const string BlockedAddress = "blocked_address";
    public const string InvalidSource = "invalid_source";
}
