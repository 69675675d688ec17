using System.Globalization;
using System.Text;
using Platform.Api.Apis.Models;

namespace Platform.Api.Apis;

/// <summary>The leaderboard as CSV (full precision) and as a Markdown results table (two decimals, best in bold).</summary>
internal static class LeaderboardFormats
{
    public static string Csv(Leaderboard board)
    {
        var text = new StringBuilder("checkpoint_id,checkpoint,step,job_id,language,").AppendJoin(',', board.Columns.Select(CsvField)).Append('\n');
        foreach (var row in board.Rows)
        {
            text.Append(row.CheckpointId).Append(',').Append(CsvField(row.Checkpoint)).Append(',').Append(row.Step).Append(',').Append(row.JobId).Append(',').Append(row.Language);
            foreach (var column in board.Columns)
            {
                text.Append(',').Append(row.Scores[column]?.ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Markdown(Leaderboard board)
    {
        var text = new StringBuilder("| Checkpoint | Step | Language | ").AppendJoin(" | ", board.Columns).Append(" |\n")
            .Append("| --- | ---: | --- |").Append(string.Concat(board.Columns.Select(_ => " ---: |"))).Append('\n');
        foreach (var row in board.Rows)
        {
            text.Append("| ").Append(row.Checkpoint.Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ").Append(row.Step?.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Append(" | ").Append(row.Language).Append(" |");
            foreach (var column in board.Columns)
            {
                text.Append(' ').Append(MarkdownCell(board, row, column)).Append(" |");
            }
            text.Append('\n');
        }
        return text.Append("\nScores ×100 for BLEU-n (COCO) and CIDEr-D; best per language in bold.\n").ToString();
    }

    private static string MarkdownCell(Leaderboard board, LeaderboardRow row, string column)
    {
        if (row.Scores[column] is not { } score)
        {
            return "–";
        }
        var value = score.ToString("F2", CultureInfo.InvariantCulture);
        var isBest = board.Best.Any(best => best.Language == row.Language && best.Column == column && best.Score == score);
        return isBest ? $"**{value}**" : value;
    }

    private static string CsvField(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
