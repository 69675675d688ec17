using Platform.Api.Apis.Models;

namespace Platform.Api.Services;

internal static class LeaderboardBuilder
{
    public static Leaderboard Build(Guid datasetId, IEnumerable<LeaderboardScore> scores)
    {
        var rows = scores
            .GroupBy(s => (s.Checkpoint, s.Name, s.Step, s.Job, s.Language))
            .Select(group =>
            {
                var byMetric = group.ToDictionary(s => s.Metric, s => s.Score, StringComparer.Ordinal);
                var values = Leaderboard.Layout.ToDictionary(
                    column => column.Column,
                    column => byMetric.TryGetValue(column.Metric, out var score) ? score * column.Factor : (double?)null);
                return new LeaderboardRow(group.Key.Checkpoint, group.Key.Name, group.Key.Step, group.Key.Job, group.Key.Language, values);
            })
            .ToList();
        var best = rows
            .GroupBy(row => row.Language)
            .SelectMany(language => Leaderboard.Layout.Select(column => (Language: language.Key, column.Column, Top: language
                .Where(row => row.Scores[column.Column] is not null)
                .MaxBy(row => row.Scores[column.Column]))))
            .Where(entry => entry.Top is not null)
            .Select(entry => new LeaderboardBest(entry.Language, entry.Column, entry.Top!.CheckpointId, entry.Top.Checkpoint, entry.Top.Scores[entry.Column]!.Value))
            .ToList();
        return new Leaderboard(datasetId, [.. Leaderboard.Layout.Select(column => column.Column)], rows, best);
    }
}
