using Platform.Metrics.Coco;

namespace Platform.Metrics.Tests.Coco;

/// <summary>pycocoevalcap rouge/rouge.py arithmetic (beta 1.2, best P and best R over references), by hand.</summary>
public sealed class RougeLTests
{
    [Fact]
    public void Hand_computed_with_two_references()
    {
        // cand "a man rides a horse" (5 tokens).
        //   ref1 "a man riding a horse" (5): LCS "a man a horse" = 4 -> P 0.8,  R 0.8
        //   ref2 "a horse" (2):              LCS 2              -> P 0.4,  R 1.0
        // best P 0.8, best R 1.0 (from different references): F = (1 + 1.44) * 0.8 * 1.0 / (1.0 + 1.44 * 0.8)
        var score = RougeL.Segment(CocoSegment.Create("a man rides a horse", ["a man riding a horse", "a horse"]));

        Assert.Equal((1 + Math.Pow(1.2, 2)) * 0.8 * 1.0 / (1.0 + (Math.Pow(1.2, 2) * 0.8)), score, 15);
        Assert.Equal("0.9071", score.ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void No_common_token_scores_zero_and_empty_hypothesis_too()
    {
        Assert.Equal(0.0, RougeL.Segment(CocoSegment.Create("x y", ["a b"])));
        Assert.Equal(0.0, RougeL.Segment(CocoSegment.Create("", ["a b"])));
    }

    [Fact]
    public void Corpus_score_is_the_mean_beside_per_item_scores_and_merges()
    {
        CocoSegment[] items =
        [
            CocoSegment.Create("a b c d", ["a b c d"]),
            CocoSegment.Create("a b", ["a b c d"]),
            CocoSegment.Create("q", ["a"]),
        ];

        var whole = items.Select(RougeLStatistics.Of).Aggregate(RougeLStatistics.Empty, (a, b) => a.Merge(b));
        var score = RougeL.Score(whole);

        // item 2: P 1, R 0.5 -> 2.44 * 0.5 / (0.5 + 1.44) = 1.22 / 1.94
        Assert.Equal([1.0, 2.44 * 0.5 / 1.94, 0.0], score.ItemScores, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal((1.0 + score.ItemScores[1] + 0.0) / 3, score.Score);
    }
}
