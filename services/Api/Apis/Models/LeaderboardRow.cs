namespace Platform.Api.Apis.Models;

/// <summary>
/// A checkpoint's scores in one language, from its latest finished job scored on the dataset; keyed by column name,
/// null where not computed. <paramref name="Step"/> is the training step of a checkpoint found by the watcher.
/// </summary>
public sealed record LeaderboardRow(Guid CheckpointId, string Checkpoint, long? Step, Guid JobId, string Language, IReadOnlyDictionary<string, double?> Scores);
