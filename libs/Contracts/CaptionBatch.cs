namespace Platform.Contracts;

/// <summary>Caption every item of the batch in every language.</summary>
public sealed record CaptionBatch(
    Guid JobId,
    int BatchIndex,
    Guid CheckpointId,
    IReadOnlyList<string> Languages,
    IReadOnlyList<WorkItem> Items,
    GenerationOverrides? Generation);
