using Platform.Inference.Tokenization;
using Platform.Workers.Translation;

namespace Platform.Workers.Tests.Translation;

public sealed class SourceTokensTests
{
    /// <summary>Marian-like: a token per word, then &lt;/s&gt;; with a source language, mBART-like: the code first.</summary>
    private sealed class WordTokenizer : ITextTokenizer
    {
        public int VocabularySize => 10;

        public int[] Encode(string text, string? sourceLanguage = null) =>
            [.. sourceLanguage is null ? [] : new[] { 8 }, .. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(_ => 1), 9];

        public string Decode(ReadOnlySpan<int> ids) => throw new NotSupportedException();

        public int? TokenToId(string token) => null;
    }

    [Theory]
    [InlineData(null, 1, 3)]
    [InlineData("en_XX", 2, 3)]
    public void Counts_leave_out_the_special_tokens_every_input_carries(string? language, int overhead, int count)
    {
        var tokens = new SourceTokens(new WordTokenizer(), language);
        Assert.Equal((overhead, count), (tokens.Overhead, tokens.Count("a red circle")));
    }

    [Theory]
    [InlineData(16, 64, 15)]
    [InlineData(16, 16, 14)]
    [InlineData(null, 40, 38)]
    [InlineData(512, 512, 510)]
    public void A_segment_fits_the_encoder_positions_and_what_the_decoder_may_generate(int? positions, int maxLength, int budget) =>
        Assert.Equal(budget, new SourceTokens(new WordTokenizer(), null).Budget(positions, maxLength));
}
