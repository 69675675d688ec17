namespace Platform.Api.Apis.Models;

/// <summary>A checkpoint's scores in one language, from its latest finished evaluation job; keyed by column name, null where not computed.</summary>
public sealed record LeaderboardRow(Guid CheckpointId, string Checkpoint, Guid JobId, string Language, IReadOnlyDictionary<string, double?> Scores);
