namespace Platform.Contracts;

/// <summary>Score a job's generated text against its dataset's references: one metrics row per language and metric.</summary>
public sealed record ScoreJob(
    Guid JobId,
    Guid CheckpointId,
    Guid DatasetId,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Metrics);
