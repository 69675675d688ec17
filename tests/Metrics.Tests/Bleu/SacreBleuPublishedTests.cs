using Platform.Metrics.Bleu;

namespace Platform.Metrics.Tests.Bleu;

/// <summary>
/// Values published by sacreBLEU itself: mjpost/sacrebleu README.md ("Using SacreBLEU from Python")
/// and test/test_bleu.py, with the tolerances those tests use.
/// </summary>
public sealed class SacreBleuPublishedTests
{
    private const double Epsilon = 1e-8;

    private static readonly string[] Hypotheses = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];

    private static readonly IReadOnlyList<string?>[] References =
    [
        ["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
        ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."],
    ];

    [Fact]
    public void Readme_example_matches_every_reported_number()
    {
        var bleu = new SacreBleu(BleuOptions.Corpus);

        var score = bleu.Score(bleu.Corpus(Hypotheses, References));

        // README: BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)
        Assert.True(Math.Abs(score.Score - 48.530827) < Epsilon);
        Assert.Equal("82.4/50.0/45.5/37.5", string.Join('/', score.Precisions.Select(p => p.ToString("F1", Invariant))));
        Assert.Equal("0.943", score.Bp.ToString("F3", Invariant));
        Assert.Equal([14.0, 7, 5, 3], score.Counts);
        Assert.Equal([17.0, 14, 11, 8], score.Totals);
        Assert.Equal((17, 18), (score.SysLen, score.RefLen));
        Assert.Equal("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.0", score.Signature);
    }

    [Fact]
    public void Readme_variable_references_example_reports_var()
    {
        IReadOnlyList<string?>[] references = [["", .. References[0].Skip(1)], References[1]];
        var bleu = new SacreBleu(BleuOptions.Corpus);

        var score = bleu.Score(bleu.Corpus(Hypotheses, references));

        // README: BLEU = 29.44 82.4/42.9/27.3/12.5 (BP = 0.889 ratio = 0.895 hyp_len = 17 ref_len = 19), nrefs:var
        Assert.Equal("29.44", score.Score.ToString("F2", Invariant));
        Assert.Equal("82.4/42.9/27.3/12.5", string.Join('/', score.Precisions.Select(p => p.ToString("F1", Invariant))));
        Assert.Equal("0.889", score.Bp.ToString("F3", Invariant));
        Assert.Equal(19, score.RefLen);
        Assert.StartsWith("nrefs:var|", score.Signature, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13a", BleuSmoothing.Exp, 48.530827)]
    [InlineData("none", BleuSmoothing.Exp, 49.1919566)]
    [InlineData("intl", BleuSmoothing.Exp, 43.91623493)]
    [InlineData("13a", BleuSmoothing.None, 48.530827)]
    public void Corpus_bleu_cases_of_test_bleu_py(string tokenize, BleuSmoothing smoothing, double expected)
    {
        var bleu = new SacreBleu(new BleuOptions { Tokenize = tokenize, Smoothing = smoothing });

        Assert.True(Math.Abs(bleu.Score(bleu.Corpus(Hypotheses, References)).Score - expected) < Epsilon);
    }

    [Fact]
    public void Empty_hypotheses_are_scored_not_removed()
    {
        var bleu = new SacreBleu(BleuOptions.Corpus);

        var statistics = bleu.Corpus(["", "", ""], References);

        Assert.Equal(0.0, bleu.Score(statistics).Score);
        Assert.Equal(3, statistics.Counts.EmptyHypotheses);
        // Closest reference lengths to 0 tokens: 6 ("The dog bit the man ."), 5, 6.
        Assert.Equal(17, statistics.RefLen);
    }

    [Theory]
    [InlineData(1, "77.65")]
    [InlineData(2, "60.50")]
    [InlineData(3, "53.93")]
    [InlineData(4, "48.53")]
    [InlineData(5, "46.14")]
    [InlineData(6, "43.28")]
    public void Max_ngram_order_cases_of_test_bleu_py(int order, string expected)
    {
        var bleu = new SacreBleu(new BleuOptions { MaxNgramOrder = order });

        Assert.Equal(expected, bleu.Score(bleu.Corpus(Hypotheses, References)).Score.ToString("F2", Invariant));
    }

    private static readonly IFormatProvider Invariant = System.Globalization.CultureInfo.InvariantCulture;
}
