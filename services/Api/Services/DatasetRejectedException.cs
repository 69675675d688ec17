namespace Platform.Api.Services;

/// <summary>The upload was well-formed but cannot make a dataset (e.g. it holds no items).</summary>
internal sealed class DatasetRejectedException(string message) : Exception(message);
