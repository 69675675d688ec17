using Platform.Metrics.Bleu;

namespace Platform.Metrics.Tests.Bleu;

/// <summary>mjpost/sacrebleu test/test_sentence_bleu.py (example from sacreBLEU issue #98 and #141), tolerance 1e-3.</summary>
public sealed class SentenceBleuTests
{
    private const double Epsilon = 1e-3;
    private const string Reference = "producţia de zahăr brut se exprimă în zahăr alb;";
    private const string System = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

    [Theory]
    [InlineData(BleuSmoothing.Exp, null, false, "13a", 8.493)]
    [InlineData(BleuSmoothing.None, null, false, "13a", 0.0)]
    [InlineData(BleuSmoothing.Floor, null, false, "13a", 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.1, false, "13a", 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.5, false, "13a", 10.10)]
    [InlineData(BleuSmoothing.AddK, null, false, "13a", 14.882)]
    [InlineData(BleuSmoothing.AddK, 1.0, false, "13a", 14.882)]
    [InlineData(BleuSmoothing.AddK, 2.0, false, "13a", 21.389)]
    [InlineData(BleuSmoothing.Exp, null, false, "none", 7.347)]
    [InlineData(BleuSmoothing.Exp, null, false, "intl", 8.493)]
    [InlineData(BleuSmoothing.Exp, null, false, "char", 40.8759)]
    [InlineData(BleuSmoothing.Exp, null, true, "char", 42.0267)]
    public void Sentence_bleu_cases(BleuSmoothing smoothing, double? value, bool lowercase, string tokenize, double expected)
    {
        var bleu = new SacreBleu(BleuOptions.Sentence with
        {
            Smoothing = smoothing, SmoothValue = value, Lowercase = lowercase, Tokenize = tokenize,
        });

        Assert.True(Math.Abs(bleu.SentenceScore(System, [Reference]).Score - expected) < Epsilon);
    }

    [Theory]
    [InlineData(BleuSmoothing.Exp)]
    [InlineData(BleuSmoothing.None)]
    [InlineData(BleuSmoothing.Floor)]
    [InlineData(BleuSmoothing.AddK)]
    public void No_match_at_all_scores_zero_whatever_the_smoothing(BleuSmoothing smoothing)
    {
        var bleu = new SacreBleu(BleuOptions.Sentence with { Smoothing = smoothing });

        Assert.Equal(0.0, bleu.SentenceScore("this is a cat", ["okay thanks"]).Score);
    }

    [Fact]
    public void Sentence_defaults_are_exp_smoothing_with_effective_order()
    {
        var bleu = new SacreBleu(BleuOptions.Sentence);

        // "a test" vs "a test": only orders 1 and 2 exist, both 100 % -> 100 with effective order.
        Assert.Equal(100.0, bleu.SentenceScore("a test", ["a test"]).Score, 12);
        Assert.Equal("nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.4.0", bleu.Signature(SegmentCounts.One("a", 1)));
    }
}
