using Platform.Metrics.Coco;

namespace Platform.Metrics.Tests.Coco;

/// <summary>pycocoevalcap bleu/bleu_scorer.py arithmetic (option "closest", tiny = 1e-15, small = 1e-9), by hand.</summary>
public sealed class CocoBleuTests
{
    [Fact]
    public void Single_item_hand_computed()
    {
        // hyp "a cat sits" vs ref "a cat sat": testlen 3, reflen 3, guess [3, 2, 1, 0], correct [2, 1, 0, 0].
        var statistics = CocoBleu.Segment(CocoSegment.Create("a cat sits", ["a cat sat"]));
        Assert.Equal([3L, 2, 1, 0], statistics.Guess);
        Assert.Equal([2L, 1, 0, 0], statistics.Correct);

        var bleu = CocoBleu.Score(statistics);

        // The epsilons make ratio = (3 + 1e-15) / (3 + 1e-9) < 1, so even equal lengths pay a tiny
        // brevity penalty bp = exp(1 - 1 / ratio).
        var ratio = (3 + 1e-15) / (3 + 1e-9);
        var bp = Math.Exp(1 - (1 / ratio));
        var p = new[] { (2 + 1e-15) / (3 + 1e-9), (1 + 1e-15) / (2 + 1e-9), 1e-15 / (1 + 1e-9), 1e-15 / 1e-9 };
        Assert.Equal(Math.Pow(p[0], 1.0) * bp, bleu[0]);
        Assert.Equal(Math.Pow(p[0] * p[1], 1.0 / 2) * bp, bleu[1]);
        Assert.Equal(Math.Pow(p[0] * p[1] * p[2], 1.0 / 3) * bp, bleu[2]);
        Assert.Equal(Math.Pow(p[0] * p[1] * p[2] * p[3], 1.0 / 4) * bp, bleu[3]);
        // The values pycocoevalcap would print with "%0.3f": 0.667, 0.577, 0.000, 0.000.
        Assert.Equal(0.6666666662222226, bleu[0], 15);
        Assert.Equal(0.5773502687566137, bleu[1], 15);
    }

    [Fact]
    public void Closest_reference_length_ties_go_to_the_shorter()
    {
        // testlen 3; reference lengths 2 and 4 are both 1 away: min((1, 2), (1, 4)) picks 2.
        var statistics = CocoBleu.Segment(CocoSegment.Create("a b c", ["a b", "a b c d"]));

        Assert.Equal(2, statistics.ReferenceLength);
    }

    [Fact]
    public void Item_scores_are_per_order_precisions_to_the_power_one_over_n()
    {
        var item = CocoBleu.Segment(CocoSegment.Create("a cat sits", ["a cat sat"]));

        var scores = CocoBleu.ItemScores(item);

        Assert.Equal((2 + 1e-15) / (3 + 1e-9), scores[0]);
        Assert.Equal(Math.Pow((1 + 1e-15) / (2 + 1e-9), 0.5), scores[1]);
    }

    [Fact]
    public void Merged_statistics_equal_the_whole()
    {
        CocoSegment[] items =
        [
            CocoSegment.Create("a man riding a horse", ["a man rides a horse", "a person on a horse"]),
            CocoSegment.Create("", ["two dogs"]),
            CocoSegment.Create(null, ["a red car"]),
        ];

        var whole = items.Select(CocoBleu.Segment).Aggregate(CocoBleuStatistics.Empty, (a, b) => a.Merge(b));
        var merged = CocoBleu.Segment(items[0]).Merge(CocoBleu.Segment(items[1]).Merge(CocoBleu.Segment(items[2])));

        Assert.Equal(CocoBleu.Score(whole), CocoBleu.Score(merged));
        Assert.Equal(new SegmentCounts(3, 1, 1, 1, 2), whole.Counts);
    }
}
