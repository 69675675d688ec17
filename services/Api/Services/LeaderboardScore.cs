namespace Platform.Api.Services;

/// <summary>One stored score as the leaderboard reads it.</summary>
internal sealed record LeaderboardScore(Guid Checkpoint, string Name, long? Step, Guid Job, string Language, string Metric, double Score);
