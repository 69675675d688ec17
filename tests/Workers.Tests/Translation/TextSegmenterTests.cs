using Platform.Workers.Translation;

namespace Platform.Workers.Tests.Translation;

public sealed class TextSegmenterTests
{
    /// <summary>A token per two characters of each word, as a subword tokenizer might.</summary>
    private static int Tokens(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(word => (word.Length + 1) / 2);

    private readonly TextSegmenter segmenter = new(Tokens, maxTokens: 4);

    [Fact]
    public void A_text_that_fits_is_one_untouched_segment() =>
        Assert.Equal(["a b. c d."], segmenter.Segment("a b. c d."));

    [Fact]
    public void A_long_text_is_cut_into_its_sentences_in_order() =>
        Assert.Equal(["a bb.", "cc dd ee.", "f."], segmenter.Segment("a bb. cc dd ee. f."));

    [Fact]
    public void A_sentence_still_too_long_is_cut_into_windows_of_whole_words() =>
        Assert.Equal(["a b c d", "e f g h", "i jj.", "k."], segmenter.Segment("a b c d e f g h i jj. k."));

    [Fact]
    public void A_word_too_long_is_cut_into_windows_of_characters() =>
        Assert.Equal(["a b", "abcdefgh", "ij", "c"], segmenter.Segment("a b abcdefghij c"));

    [Fact]
    public void Every_segment_fits_and_together_they_keep_every_word()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => i % 7 == 6 ? $"w{i}." : $"w{i}"));

        var segments = segmenter.Segment(text);

        Assert.All(segments, segment => Assert.InRange(Tokens(segment), 1, 4));
        Assert.Equal(text.Split(' '), segments.SelectMany(segment => segment.Split(' ')));
    }
}
