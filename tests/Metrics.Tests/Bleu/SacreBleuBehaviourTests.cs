using System.Text.Json;

using Platform.Metrics.Bleu;

namespace Platform.Metrics.Tests.Bleu;

public sealed class SacreBleuBehaviourTests
{
    [Fact]
    public void Hand_computed_single_segment()
    {
        // hyp "the cat sat" vs ref "the cat sat down" (13a leaves both as they are):
        // matches 3/3, 2/2, 1/1, 0/0 -> total of order 4 is 0, so the loop stops there and
        // precision 4 stays 0; my_log(0) = -9999999999 makes the geometric mean 0 without effective order.
        var corpus = new SacreBleu(BleuOptions.Corpus);
        var score = corpus.Score(corpus.Segment("the cat sat", ["the cat sat down"]));
        Assert.Equal(0.0, score.Score);
        Assert.Equal([100.0, 100, 100, 0], score.Precisions);

        // With effective order, orders 1..3 count: exp((ln 100 * 3) / 3) = 100, times
        // BP = exp(1 - 4/3) = 0.716531310573789 -> 71.6531310573789.
        var sentence = new SacreBleu(BleuOptions.Sentence);
        Assert.Equal(100 * Math.Exp(1 - (4.0 / 3)), sentence.SentenceScore("the cat sat", ["the cat sat down"]).Score, 12);
    }

    [Fact]
    public void Multiple_references_clip_by_the_per_ngram_maximum_and_take_the_closest_length()
    {
        var bleu = new SacreBleu(new BleuOptions { Tokenize = "none" });

        // "a a a" vs refs "a" and "a a b c d": max count of "a" over refs is 2 -> 2 of 3 unigrams match;
        // "a a" occurs once in the second ref -> 1 of 2 bigrams. Lengths 1 and 5 are both 2 away from 3:
        // sacreBLEU takes the shorter, 1.
        var statistics = bleu.Segment("a a a", ["a", "a a b c d"]);

        Assert.Equal([2L, 1, 0, 0], statistics.Correct);
        Assert.Equal([3L, 2, 1, 0], statistics.Total);
        Assert.Equal(1, statistics.RefLen);
    }

    [Fact]
    public void Merged_batch_statistics_equal_the_whole_corpus()
    {
        string[] hypotheses = ["The dog bit the man.", "It wasn't surprising.", "", "The man had just bitten him.", "Zut !"];
        string[] references = ["The dog bit the man.", "It was not unexpected.", "Nobody came.", "The man bit him first.", "Zut alors !"];
        var bleu = new SacreBleu(BleuOptions.Corpus);

        var whole = bleu.Corpus(hypotheses, [references]);
        var merged = bleu.Corpus(hypotheses[..2], [references[..2]]).Merge(bleu.Corpus(hypotheses[2..], [references[2..]]));

        Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(merged));
        var (wholeScore, mergedScore) = (bleu.Score(whole), bleu.Score(merged));
        Assert.Equal(wholeScore.Score, mergedScore.Score);
        Assert.Equal(wholeScore.Precisions, mergedScore.Precisions);
    }

    [Fact]
    public void Statistics_round_trip_through_system_text_json()
    {
        var bleu = new SacreBleu(BleuOptions.Corpus);
        var statistics = bleu.Segment("a b c", ["a b d", "a c"]);

        var json = JsonSerializer.Serialize(statistics);
        var restored = JsonSerializer.Deserialize<BleuStatistics>(json)!;

        Assert.Equal(bleu.Score(statistics).Score, bleu.Score(restored).Score);
        Assert.Equal(json, JsonSerializer.Serialize(restored));
    }

    [Fact]
    public void Missing_and_empty_hypotheses_are_counted_and_scored_as_empty()
    {
        var bleu = new SacreBleu(BleuOptions.Corpus);

        var statistics = bleu.Corpus([null, "  ", "a b"], [["x y", "x", "a b"]]);

        Assert.Equal(new SegmentCounts(3, 1, 1, 1, 1), statistics.Counts);
        Assert.Equal(2, statistics.SysLen);
        Assert.Equal(2 + 1 + 2, statistics.RefLen);
    }

    [Fact]
    public void A_segment_without_any_reference_is_refused()
    {
        var bleu = new SacreBleu(BleuOptions.Corpus);

        Assert.Throws<MetricInputException>(() => bleu.Segment("a", ["", null]));
        Assert.Throws<MetricInputException>(() => bleu.Corpus(["a", "b"], [["a"]]));
    }

    [Theory]
    [InlineData(BleuSmoothing.Floor, null, "smooth:floor[0.10]")]
    [InlineData(BleuSmoothing.AddK, null, "smooth:add-k[1.00]")]
    [InlineData(BleuSmoothing.AddK, 2.0, "smooth:add-k[2.00]")]
    [InlineData(BleuSmoothing.None, null, "smooth:none")]
    public void Signature_shows_smoothing_as_sacrebleu_prints_it(BleuSmoothing smoothing, double? value, string expected)
    {
        var bleu = new SacreBleu(new BleuOptions { Smoothing = smoothing, SmoothValue = value, Lowercase = true, Tokenize = "intl" });

        Assert.Equal($"nrefs:1|case:lc|eff:no|tok:intl|{expected}|version:2.4.0", bleu.Signature(SegmentCounts.One("a", 1)));
    }

    [Fact]
    public void Unknown_tokenizer_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SacreBleu(new BleuOptions { Tokenize = "zh" }));
    }
}
