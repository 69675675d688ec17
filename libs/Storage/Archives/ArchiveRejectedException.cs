namespace Platform.Storage.Archives;

/// <summary>The whole archive is refused: unsafe paths, links or devices, a corrupt container, or a limit exceeded.</summary>
public sealed class ArchiveRejectedException(string message) : Exception(message);
