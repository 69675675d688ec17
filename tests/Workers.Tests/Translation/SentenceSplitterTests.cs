using Platform.Workers.Translation;

namespace Platform.Workers.Tests.Translation;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("A red circle. The big dog!  Is it new? Yes…", new[] { "A red circle.", "The big dog!", "Is it new?", "Yes…" })]
    [InlineData("Really?! No. ", new[] { "Really?!", "No." })]
    [InlineData("He said \"stop.\" Then he left.", new[] { "He said \"stop.\"", "Then he left." })]
    [InlineData("(A note.) Another one.", new[] { "(A note.)", "Another one." })]
    [InlineData("no terminator at the end", new[] { "no terminator at the end" })]
    public void Splits_after_terminators_followed_by_space_and_keeps_closing_quotes(string text, string[] expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(text));

    [Theory]
    [InlineData("Dr. Smith met Mr. Jones. They talked.", new[] { "Dr. Smith met Mr. Jones.", "They talked." })]
    [InlineData("Colours, e.g. red and blue, etc. are fine. Next.", new[] { "Colours, e.g. red and blue, etc. are fine.", "Next." })]
    [InlineData("J. R. R. Tolkien wrote it in the U.S. army. Later more.", new[] { "J. R. R. Tolkien wrote it in the U.S. army.", "Later more." })]
    [InlineData("Pi is 3.14 and e is 2.72. Both are real.", new[] { "Pi is 3.14 and e is 2.72.", "Both are real." })]
    public void Keeps_abbreviations_initials_and_decimals_inside_a_sentence(string text, string[] expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(text));

    [Fact]
    public void Full_width_terminators_end_a_sentence_without_a_space() =>
        Assert.Equal(["今天天气很好。", "我们去公园吧！", "好吗？"], SentenceSplitter.Split("今天天气很好。我们去公园吧！好吗？"));

    [Fact]
    public void Whitespace_alone_has_no_sentence() => Assert.Empty(SentenceSplitter.Split(" \n\t "));
}
