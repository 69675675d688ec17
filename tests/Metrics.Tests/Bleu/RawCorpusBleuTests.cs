using Platform.Metrics.Bleu;

namespace Platform.Metrics.Tests.Bleu;

/// <summary>
/// mjpost/sacrebleu test/test_bleu.py cases built on <c>raw_corpus_bleu</c>, which is corpus BLEU with
/// tokenize 'none', smoothing 'floor' at the given value and effective order.
/// </summary>
public sealed class RawCorpusBleuTests
{
    private const double Epsilon = 1e-8;

    private static double RawCorpusBleu(string[] hypotheses, string[] references, double? floor = 0.01)
    {
        var bleu = new SacreBleu(new BleuOptions
        {
            Tokenize = "none", Smoothing = BleuSmoothing.Floor, SmoothValue = floor, EffectiveOrder = true,
        });
        return bleu.Score(bleu.Corpus(hypotheses, [references])).Score / 100;
    }

    [Theory]
    [InlineData(new[] { "this is a test", "another test" }, new[] { "ref1", "ref2" }, 0.0)]
    [InlineData(new[] { "this is a test" }, new[] { "this is a test" }, 1.0)]
    [InlineData(new[] { "this is a fest" }, new[] { "this is a test" }, 0.223606797749979)]
    [InlineData(new[] { "test" }, new[] { "a test" }, 0.3678794411714425)]
    [InlineData(new[] { "a test" }, new[] { "a test" }, 1.0)]
    [InlineData(new[] { "a little test" }, new[] { "a test" }, 0.03218297948685433)]
    public void Raw_bleu_and_effective_order_cases(string[] hypotheses, string[] references, double expected) =>
        Assert.True(Math.Abs(RawCorpusBleu(hypotheses, references) - expected) < Epsilon);

    [Fact]
    public void Statistics_case()
    {
        var bleu = new SacreBleu(new BleuOptions { Tokenize = "none" });

        var statistics = bleu.Segment("am I am a character sequence", ["I am a symbol string sequence a a"]);

        Assert.Equal([4L, 2, 1, 0], statistics.Correct);
        Assert.Equal([6L, 5, 4, 3], statistics.Total);
    }

    [Fact]
    public void Offset_case_floor_zero_and_default_floor()
    {
        string[] hypothesis = ["am I am a character sequence"];
        string[] reference = ["I am a symbol string sequence a a"];

        Assert.True(Math.Abs(RawCorpusBleu(hypothesis, reference, 0.0)) < Epsilon);
        Assert.True(Math.Abs(RawCorpusBleu(hypothesis, reference, null) - 0.1555722182) < Epsilon);
    }

    [Fact]
    public void Scoring_case_from_statistics()
    {
        var statistics = new BleuStatistics(11, 11, [9, 7, 5, 3], [10, 8, 6, 4], SegmentCounts.None);

        var score = new SacreBleu(new BleuOptions { Smoothing = BleuSmoothing.None }).Score(statistics);

        Assert.True(Math.Abs((score.Score / 100) - 0.8375922397) < Epsilon);
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 4, 4, 2, 1 }, 0, 1, 0.0)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 10, 11, 12, 0 }, 14, 10, 0.0)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }, 0, 0, 0.0)]
    [InlineData(new long[] { 6, 5, 4, 0 }, new long[] { 6, 5, 4, 3 }, 6, 6, 0.0)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }, 0, 0, 0.1)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }, 1, 5, 0.01)]
    public void Degenerate_statistics_score_zero(long[] correct, long[] total, long sysLen, long refLen, double floor)
    {
        var bleu = new SacreBleu(new BleuOptions { Smoothing = BleuSmoothing.Floor, SmoothValue = floor });

        Assert.Equal(0.0, bleu.Score(new BleuStatistics(sysLen, refLen, correct, total, SegmentCounts.None)).Score);
    }
}
