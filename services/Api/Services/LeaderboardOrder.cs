namespace Platform.Api.Services;

/// <summary>How leaderboard rows are sorted: by checkpoint name, or by training step (each metric against the step).</summary>
internal enum LeaderboardOrder
{
    Name,
    Step,
}
