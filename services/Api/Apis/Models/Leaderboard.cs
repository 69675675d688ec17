namespace Platform.Api.Apis.Models;

/// <summary>
/// Checkpoints × languages for one dataset, every score on a 0–100 scale: sacreBLEU and chrF as they are, COCO
/// BLEU-n and CIDEr-D × 100 as papers report them.
/// </summary>
public sealed record Leaderboard(Guid DatasetId, IReadOnlyList<string> Columns, IReadOnlyList<LeaderboardRow> Rows, IReadOnlyList<LeaderboardBest> Best)
{
    /// <summary>Column name, stored metric name and the factor to the 0–100 scale.</summary>
    public static IReadOnlyList<(string Column, string Metric, double Factor)> Layout { get; } =
    [
        ("BLEU-1", "bleu-1", 100), ("BLEU-2", "bleu-2", 100), ("BLEU-3", "bleu-3", 100), ("BLEU-4", "bleu-4", 100),
        ("sacreBLEU", "bleu", 1), ("chrF", "chrf", 1), ("CIDEr", "cider", 100),
    ];
}
