namespace Platform.Contracts;

/// <summary>
/// A worker finished a batch: its results and failures are already stored.
/// Counts are per item (an item fails if any of its languages failed).
/// </summary>
public sealed record BatchCompleted(Guid JobId, int BatchIndex, int ItemsSucceeded, int ItemsFailed, IReadOnlyList<ItemFailure> Failures);
