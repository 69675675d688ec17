namespace Platform.Storage.Fetching;

/// <summary>Every address a host resolved to is one that fetching may not reach.</summary>
public sealed class BlockedAddressException(string host, string addresses)
    : Exception($"'{host}' resolves only to blocked addresses ({addresses}): loopback, private, link-local and metadata addresses are refused.")
{
    /// <summary>The refusal somewhere in an exception chain (HttpClient wraps what the connect callback throws).</summary>
    public static BlockedAddressException? FindIn(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BlockedAddressException blocked)
            {
                return blocked;
            }
        }
        return null;
    }
}
