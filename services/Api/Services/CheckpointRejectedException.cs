namespace Platform.Api.Services;

/// <summary>A checkpoint export that cannot serve its task: nothing was registered.</summary>
public sealed class CheckpointRejectedException(string message, Exception? inner = null) : Exception(message, inner);
