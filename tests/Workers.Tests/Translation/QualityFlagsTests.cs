using Platform.Workers.Translation;

namespace Platform.Workers.Tests.Translation;

public sealed class QualityFlagsTests
{
    private readonly QualityFlags flags = new(Microsoft.Extensions.Options.Options.Create(new TranslationQualityOptions()));

    [Fact]
    public void A_good_translation_has_no_flag() => Assert.Empty(flags.Of("the big dog and the small cat", "der groß Hund und der klein Katze"));

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public void An_empty_translation_is_flagged_empty_and_nothing_else(string translation) =>
        Assert.Equal([QualityFlag.Empty], flags.Of("the qwertyuiop", translation));

    [Theory]
    [InlineData("in", "in")]
    [InlineData("Hello  World", "hello world")]
    public void A_translation_equal_to_its_source_up_to_case_and_spacing_is_flagged(string source, string translation) =>
        Assert.Equal([QualityFlag.IdenticalToSource], flags.Of(source, translation));

    [Theory]
    [InlineData("the qwertyuiopasdfgh", "der")]
    [InlineData("a small red circle", "ein sehr sehr langer und völlig erfundener Satz, der mit der Quelle nichts zu tun hat und immer weiter geht")]
    public void A_translation_far_shorter_or_longer_than_its_source_is_flagged(string source, string translation) =>
        Assert.Equal([QualityFlag.LengthRatio], flags.Of(source, translation));

    [Fact]
    public void Short_sources_are_not_ratio_checked() => Assert.Empty(flags.Of("a dog", "ein großer schwarzer Hund"));

    [Fact]
    public void Length_bounds_are_configurable()
    {
        var strict = new QualityFlags(Microsoft.Extensions.Options.Options.Create(new TranslationQualityOptions { MaxLengthRatio = 1.1 }));
        Assert.Equal([QualityFlag.LengthRatio], strict.Of("the big dog and the small cat", "der große Hund und die kleine Katze"));
    }

    [Theory]
    [InlineData("the cat sat on the mat", "die Katze die Katze die Katze die Katze")]
    [InlineData("a bird sings", "ein Vogel singt singt singt singt singt")]
    [InlineData("今天天气很好", "今天今天今天今天")]
    public void A_translation_stuck_repeating_an_ngram_is_flagged_as_a_loop(string source, string translation) =>
        Assert.Contains(QualityFlag.RepeatedNgramLoop, flags.Of(source, translation));

    [Fact]
    public void A_repetition_the_source_already_has_is_not_a_loop() =>
        Assert.Empty(flags.Of("dog dog dog dog", "Hund Hund Hund Hund"));

    [Fact]
    public void Three_repeats_are_below_the_default_loop_threshold() =>
        Assert.DoesNotContain(QualityFlag.RepeatedNgramLoop, flags.Of("very good", "sehr sehr sehr gut"));

    [Theory]
    [InlineData("a b c d", 1)]
    [InlineData("la la la la la", 5)]
    [InlineData("x a b a b a b y", 3)]
    [InlineData("to be or not to be or not to be", 2)]
    [InlineData("", 0)]
    public void Longest_run_counts_back_to_back_occurrences_of_one_ngram(string text, int run) =>
        Assert.Equal(run, RepeatedNgrams.LongestRun(text, maxNgram: 4));
}
