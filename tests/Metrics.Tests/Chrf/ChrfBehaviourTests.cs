using System.Text.Json;

using Platform.Metrics.Chrf;

namespace Platform.Metrics.Tests.Chrf;

public sealed class ChrfBehaviourTests
{
    [Fact]
    public void Chrf_plus_plus_hand_computed()
    {
        // hyp "ab cd" vs ref "ab ce", char order 1 and word order 1, beta 2 (whitespace removed: "abcd" vs "abce"):
        //   chars:  hyp 4, ref 4, match 3 (a, b, c)  -> P = R = 0.75
        //   words:  hyp 2, ref 2, match 1 ("ab")     -> P = R = 0.5
        // effective order 2: avgP = avgR = 0.625; F2 = 5 * 0.625 * 0.625 / (4 * 0.625 + 0.625) = 0.625 -> 62.5
        var chrf = new SacreChrf(new ChrfOptions { CharOrder = 1, WordOrder = 1 });

        var statistics = chrf.Segment("ab cd", ["ab ce"]);

        Assert.Equal([4L, 4, 3, 2, 2, 1], statistics.Values);
        Assert.Equal(62.5, chrf.Score(statistics).Score, 12);
        Assert.Equal("chrF2+", chrf.Score(statistics).Name);
    }

    [Fact]
    public void Word_ngrams_split_one_punctuation_mark_off_a_word_end_else_its_start()
    {
        // "(hi)" -> "(hi" + ")" (sacreBLEU issue #124 keeps this), "dog." -> "dog" + ".", "," alone stays;
        // the reference's "(hi" has no final mark, so its first one goes: "(" + "hi".
        var chrf = new SacreChrf(new ChrfOptions { CharOrder = 1, WordOrder = 1 });

        var statistics = chrf.Segment("(hi) dog. ,", ["(hi dog"]);

        // word unigrams: hyp ["(hi", ")", "dog", ".", ","] = 5, ref ["(", "hi", "dog"] = 3, matches "dog" = 1.
        Assert.Equal([5L, 3, 1], statistics.Values[3..]);
    }

    [Fact]
    public void Chrf_plus_plus_name_and_signature()
    {
        var chrf = new SacreChrf(ChrfOptions.ChrfPlusPlus with { Lowercase = true });

        var score = chrf.Score(chrf.Segment("A b", ["a b"]));

        Assert.Equal("chrF2++", score.Name);
        Assert.Equal(100.0, score.Score, 12);
        Assert.Equal("nrefs:1|case:lc|eff:yes|nc:6|nw:2|space:no|version:2.4.0", score.Signature);
    }

    [Fact]
    public void The_best_reference_by_f_score_is_kept()
    {
        var chrf = new SacreChrf(ChrfOptions.Chrf);

        var both = chrf.Segment("the cat", ["a dog", "the cat"]);
        var best = chrf.Segment("the cat", ["the cat"]);

        Assert.Equal(best.Values, both.Values);
        Assert.Equal(2, both.Counts.MaxReferences);
    }

    [Fact]
    public void Merged_batch_statistics_equal_the_whole_corpus_and_serialise()
    {
        string[] hypotheses = ["Der Hund biss.", "", "Straße 😀!", "zwei"];
        string[] references = ["Der Hund beißt.", "Nichts.", "Strasse 😀 !", "drei"];
        var chrf = new SacreChrf(ChrfOptions.ChrfPlusPlus);

        var whole = chrf.Corpus(hypotheses, [references]);
        var merged = chrf.Corpus(hypotheses[..1], [references[..1]]).Merge(chrf.Corpus(hypotheses[1..], [references[1..]]));
        var restored = JsonSerializer.Deserialize<ChrfStatistics>(JsonSerializer.Serialize(merged))!;

        Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(restored));
        Assert.Equal(chrf.Score(whole), chrf.Score(restored));
        Assert.Equal(1, whole.Counts.EmptyHypotheses);
    }

    [Fact]
    public void Character_ngrams_count_code_points()
    {
        // "😀" is one code point (two UTF-16 units): one character unigram, no bigram.
        var chrf = new SacreChrf(new ChrfOptions { CharOrder = 2 });

        var statistics = chrf.Segment("😀", ["😀"]);

        Assert.Equal([1L, 1, 1, 0, 0, 0], statistics.Values);
    }
}
