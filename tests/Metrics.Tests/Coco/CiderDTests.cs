using System.Text.Json;

using Platform.Metrics.Coco;

namespace Platform.Metrics.Tests.Coco;

/// <summary>pycocoevalcap cider/cider_scorer.py arithmetic, by hand.</summary>
public sealed class CiderDTests
{
    [Fact]
    public void Two_items_hand_computed()
    {
        // Items: ("a b", ["a b"]) and ("c", ["d"]). ref_len = ln 2; df(a) = df(b) = df("a b") = df(d) = 1.
        // Item 1: every weight is 1 * (ln 2 - ln 1) = ln 2 on both sides, so the unigram and bigram
        // cosines are 1; orders 3 and 4 have zero norms (no division, value 0). Both have one bigram:
        // delta 0, no length penalty. mean([1, 1, 0, 0]) / 1 ref * 10 = 5.
        // Item 2: "c" (df 0 -> ln max(1, 0) = 0, weight ln 2) shares nothing with "d": 0.
        // Corpus: (5 + 0) / 2 = 2.5.
        var score = CiderD.Score(new CiderStatistics([CocoSegment.Create("a b", ["a b"]), CocoSegment.Create("c", ["d"])]));

        Assert.Equal(5.0, score.ItemScores[0], 12);
        Assert.Equal(0.0, score.ItemScores[1]);
        Assert.Equal(2.5, score.Score, 12);
    }

    [Fact]
    public void Length_penalty_uses_the_bigram_count()
    {
        // pycocoevalcap's counts2vec counts "length" at order index 1 (bigrams). Hyp "a b c" (2 bigrams)
        // vs ref "a b" (1 bigram): delta = 1, penalty e^(-1/72) on every order.
        // Unigrams: hyp weights a, b, c = ln 2 (df 1 each... c has df 0 -> ln 1 = 0 -> weight ln 2), ref a, b = ln 2:
        // cosine = 2 ln2^2 / (sqrt(3) ln2 * sqrt(2) ln2) = 2 / sqrt(6).
        // Bigrams: hyp "a b", "b c"; ref "a b": cosine = 1 / sqrt(2).
        CocoSegment[] items = [CocoSegment.Create("a b c", ["a b"]), CocoSegment.Create("x", ["y"])];
        var penalty = Math.Pow(Math.E, -1.0 / 72);
        var expected = ((2 / Math.Sqrt(6)) + (1 / Math.Sqrt(2))) * penalty / 4 * 10;

        var score = CiderD.Score(new CiderStatistics(items));

        Assert.Equal(expected, score.ItemScores[0], 12);
    }

    [Fact]
    public void Merging_partials_scores_like_the_whole_because_df_comes_from_all_references()
    {
        CocoSegment[] items =
        [
            CocoSegment.Create("a man riding a horse on a beach", ["a man rides a horse on the beach", "a person on a horse near the sea"]),
            CocoSegment.Create("two dogs play in the snow", ["two dogs playing in snow", "dogs run through the snow"]),
            CocoSegment.Create("a red car", ["a red car parked on the street", "a car"]),
        ];

        var whole = CiderD.Score(new CiderStatistics(items));
        var first = new CiderStatistics(items[..1]);
        var rest = JsonSerializer.Deserialize<CiderStatistics>(JsonSerializer.Serialize(new CiderStatistics(items[1..])))!;
        var merged = CiderD.Score(first.Merge(rest));

        Assert.Equal(whole.Score, merged.Score);
        Assert.Equal(whole.ItemScores, merged.ItemScores);
        // A batch scored alone would use its own df and log(item count): a different, wrong number.
        Assert.NotEqual(whole.ItemScores[0], CiderD.Score(first).ItemScores[0]);
        // Computed with a line-by-line Python transcription of cider_scorer.py (math in place of numpy).
        Assert.Equal(2.414449469532046, whole.Score, 12);
    }

    [Fact]
    public void An_empty_corpus_is_refused()
    {
        Assert.Throws<MetricInputException>(() => CiderD.Score(CiderStatistics.Empty));
        Assert.Throws<MetricInputException>(() => CocoSegment.Create("a", []));
    }
}
