using Platform.Metrics.Chrf;

namespace Platform.Metrics.Tests.Chrf;

/// <summary>
/// Values published by sacreBLEU: README.md (chrF2 = 59.73 on the README corpus) and
/// test/test_chrf.py (beta 3 cases with and without epsilon smoothing, tolerance 1e-4).
/// </summary>
public sealed class ChrfPublishedTests
{
    private const double Epsilon = 1e-4;

    private static readonly ChrfOptions Beta3 = new() { Beta = 3 };

    [Fact]
    public void Readme_example()
    {
        var chrf = new SacreChrf(ChrfOptions.Chrf);
        string[] hypotheses = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];
        IReadOnlyList<string?>[] references =
        [
            ["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
            ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."],
        ];

        var score = chrf.Score(chrf.Corpus(hypotheses, references));

        Assert.Equal("59.73", score.Score.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("chrF2", score.Name);
        Assert.Equal("nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.0", score.Signature);
    }

    [Theory]
    [InlineData(new[] { "abcdefg" }, new[] { "hijklmnop" }, 0.0)]
    [InlineData(new[] { "a" }, new[] { "b" }, 0.0)]
    [InlineData(new[] { "" }, new[] { "b" }, 0.0)]
    [InlineData(new[] { "" }, new[] { "ref" }, 0.0)]
    [InlineData(new[] { "" }, new[] { "reference" }, 0.0)]
    [InlineData(new[] { "aa" }, new[] { "ab" }, 8.3333)]
    [InlineData(new[] { "a", "b" }, new[] { "a", "c" }, 8.3333)]
    [InlineData(new[] { "a" }, new[] { "a" }, 16.6667)]
    [InlineData(new[] { "a b c" }, new[] { "a b c" }, 50.0)]
    [InlineData(new[] { "a b c" }, new[] { "abc" }, 50.0)]
    [InlineData(
        new[] { " risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ." },
        new[] { "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ." },
        63.361730)]
    [InlineData(
        new[] { " Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. " },
        new[] { "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich." },
        64.1302698)]
    [InlineData(
        new[] { "Niemand hat die Absicht, eine Mauer zu errichten" },
        new[] { "Niemand hat die Absicht, eine Mauer zu errichten" },
        100.0)]
    public void Eps_smoothing_cases(string[] hypotheses, string[] references, double expected) =>
        AssertCorpus(Beta3 with { EpsSmoothing = true }, hypotheses, references, expected);

    [Theory]
    [InlineData(new[] { "a" }, new[] { "a" }, 100.0)]
    [InlineData(new[] { "" }, new[] { "reference" }, 0.0)]
    [InlineData(new[] { "a b c" }, new[] { "a b c" }, 100.0)]
    [InlineData(new[] { "a b c" }, new[] { "abc" }, 100.0)]
    [InlineData(new[] { "" }, new[] { "c" }, 0.0)]
    [InlineData(new[] { "a", "b" }, new[] { "a", "c" }, 50.0)]
    [InlineData(new[] { "aa" }, new[] { "ab" }, 25.0)]
    public void Effective_order_cases(string[] hypotheses, string[] references, double expected) =>
        AssertCorpus(Beta3, hypotheses, references, expected);

    [Theory]
    [InlineData(
        "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.",
        "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.",
        67.3481606)]
    [InlineData(
        "risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .",
        "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .",
        65.2414427)]
    public void Keep_whitespace_cases(string hypothesis, string reference, double expected) =>
        AssertCorpus(Beta3 with { Whitespace = true }, [hypothesis], [reference], expected);

    [Theory]
    [InlineData(
        "Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
        "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.",
        39.14078509)]
    [InlineData(
        "Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
        "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.",
        31.22557079)]
    [InlineData(
        "Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
        "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.",
        57.15704367)]
    public void Sentence_level_cases(string hypothesis, string reference, double expected)
    {
        var score = new SacreChrf(ChrfOptions.Chrf with { EpsSmoothing = true }).SentenceScore(hypothesis, [reference]);

        Assert.True(Math.Abs(score.Score - expected) < Epsilon, $"{score.Score} != {expected}");
    }

    private static void AssertCorpus(ChrfOptions options, string[] hypotheses, string[] references, double expected)
    {
        var chrf = new SacreChrf(options);

        var score = chrf.Score(chrf.Corpus(hypotheses, [references])).Score;

        Assert.True(Math.Abs(score - expected) < Epsilon, $"{score} != {expected}");
    }
}
