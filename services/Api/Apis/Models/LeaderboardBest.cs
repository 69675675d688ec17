namespace Platform.Api.Apis.Models;

/// <summary>The checkpoint with the highest score in one column and language.</summary>
public sealed record LeaderboardBest(string Language, string Column, Guid CheckpointId, string Checkpoint, double Score);
