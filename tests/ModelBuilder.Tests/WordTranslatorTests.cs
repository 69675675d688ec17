using Platform.ModelBuilder.Tests.Support;
using Platform.ModelBuilder.Tests.Tokenizers;
using Platform.ModelBuilder.Translation;

namespace Platform.ModelBuilder.Tests;

public sealed class WordTranslatorTests
{
    private static readonly string[] Sentences =
    [
        "the red cat", "a big dog and a small bird", "the sun on the old house", "green fish in the water",
        "a new car", "the yellow triangle and the blue circle", "white horse", "a black square on a book",
    ];

    [Theory]
    [InlineData("de", "the red cat", "der rot Katze")]
    [InlineData("fr", "a big dog", "un grand chien")]
    [InlineData("es", "the white horse", "el blanco caballo")]
    public void The_table_translates_word_by_word(string language, string english, string expected) =>
        Assert.Equal(expected, WordTranslations.Translate(english, language));

    [Theory]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    public void Translates_every_sentence_as_the_table_says(string language)
    {
        using var directory = new TemporaryDirectory();
        TestCheckpoints.WriteWordTranslator(directory.Path, language);
        using var translator = new TranslatorHarness(directory.Path);
        foreach (var sentence in Sentences.Append(string.Join(' ', WordTranslations.Table.Select(w => w.English))))
        {
            Assert.Equal(WordTranslations.Translate(sentence, language), translator.Translate(sentence));
            Assert.Equal(WordTranslations.Translate(sentence, language), translator.Translate(sentence, useCache: true));
        }
    }

    [Fact]
    public void Padded_rows_translate_as_they_do_alone_with_and_without_cache()
    {
        using var directory = new TemporaryDirectory();
        TestCheckpoints.WriteWordTranslator(directory.Path, "fr");
        using var translator = new TranslatorHarness(directory.Path);
        var longer = translator.SourceIds("a big dog and a small bird");
        var shorter = translator.SourceIds("the cat");
        long[] padded = [.. shorter, .. Enumerable.Repeat((long)translator.Pad, longer.Length - shorter.Length)];
        var encoded = translator.Encode([longer, padded], [[.. longer.Select(_ => 1L)], [.. padded.Select((_, i) => i < shorter.Length ? 1L : 0L)]]);
        using var runner = new DecoderRunner(directory.Path, layers: 1, heads: 1, headSize: WordTranslations.Table.Count + 2);
        long[] pads = [.. Enumerable.Repeat((long)translator.Pad, longer.Length)];
        long[][] prefixes = [pads, pads];

        var logits = runner.WholeSequence(encoded, prefixes);

        var best = logits.Select(step => step.Select(row => (long)Array.IndexOf(row, row.Max())).ToArray()).ToArray();
        Assert.Equal("un grand chien et un petit oiseau", translator.Text(best.Select(step => step[0]).TakeWhile(id => id != 0)));
        Assert.Equal("le chat", translator.Text(best.Select(step => step[1]).TakeWhile(id => id != 0)));
        Assert.All(best.Skip(shorter.Length - 1), step => Assert.Equal(0, step[1]));
        LogitAssert.Close(logits, runner.StepByStep(encoded, prefixes, useMerged: false));
        LogitAssert.Close(logits, runner.StepByStep(encoded, prefixes, useMerged: true));
    }

    [Fact]
    public void Rejects_unknown_languages_and_words()
    {
        using var directory = new TemporaryDirectory();
        Assert.Throws<ArgumentException>(() => TestCheckpoints.WriteWordTranslator(directory.Path, "it"));
        Assert.Throws<ArgumentException>(() => WordTranslations.Translate("the zebra", "de"));
    }
}
