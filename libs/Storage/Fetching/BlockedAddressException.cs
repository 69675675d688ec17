namespace Platform.Storage.Fetching;

/// <summary>Every address a host resolved to is one that fetching may not reach.</summary>
public sealed class BlockedAddressException(string host, string addresses)
    : Exception($"'{host}' resolves only to blocked addresses ({addresses}): loopback, private, link-local and metadata addresses are refused.");
