namespace Platform.Metrics.Coco;

/// <summary>
/// ROUGE-L as the COCO caption evaluation computes it (pycocoevalcap rouge.py): LCS over tokens
/// split on single spaces, best precision and best recall over the references, F with beta 1.2.
/// </summary>
public static class RougeL
{
    private static readonly double BetaSquared = Math.Pow(1.2, 2);

    public static double Segment(CocoSegment segment)
    {
        var candidate = segment.HypothesisText.Split(' ');
        var (precisionMax, recallMax) = (double.MinValue, double.MinValue);
        foreach (var reference in segment.References)
        {
            var tokens = reference.Split(' ');
            var lcs = LongestCommonSubsequence(tokens, candidate);
            precisionMax = Math.Max(precisionMax, lcs / (double)candidate.Length);
            recallMax = Math.Max(recallMax, lcs / (double)tokens.Length);
        }

        return precisionMax != 0 && recallMax != 0
            ? (1 + BetaSquared) * precisionMax * recallMax / (recallMax + (BetaSquared * precisionMax))
            : 0.0;
    }

    /// <summary>The corpus score is the numpy mean of the item scores.</summary>
    public static CorpusScore Score(RougeLStatistics statistics) =>
        new(NumpyMean.Of(statistics.ItemScores), statistics.ItemScores);

    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var token in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = string.Equals(token, b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
