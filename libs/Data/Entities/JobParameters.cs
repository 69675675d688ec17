using Platform.Contracts;

namespace Platform.Data.Entities;

/// <summary>
/// What the client asked for, stored as jsonb on the job. <see cref="SourceJobId"/>: a translation job reads its
/// <see cref="SourceLanguage"/> text from that job's results instead of the dataset's captions.
/// </summary>
public sealed record JobParameters(
    IReadOnlyList<string> Languages,
    string? SourceLanguage = null,
    IReadOnlyList<Guid>? CheckpointIds = null,
    IReadOnlyList<string>? Metrics = null,
    GenerationOverrides? Generation = null,
    Guid? SourceJobId = null,
    ScoringParameters? Scoring = null);
