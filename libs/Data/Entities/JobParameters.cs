using Platform.Contracts;

namespace Platform.Data.Entities;

/// <summary>What the client asked for, stored as jsonb on the job.</summary>
public sealed record JobParameters(
    IReadOnlyList<string> Languages,
    string? SourceLanguage = null,
    IReadOnlyList<Guid>? CheckpointIds = null,
    IReadOnlyList<string>? Metrics = null,
    GenerationOverrides? Generation = null,
    ScoringParameters? Scoring = null);
