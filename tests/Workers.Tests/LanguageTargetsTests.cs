using Platform.Inference.Tokenization;
using Platform.Workers.Generation;

namespace Platform.Workers.Tests;

public sealed class LanguageTargetsTests
{
    /// <summary>Only the vocabulary matters here: which language codes are whole tokens.</summary>
    private sealed class Vocabulary(params string[] tokens) : ITextTokenizer
    {
        public int VocabularySize => tokens.Length;

        public int[] Encode(string text, string? sourceLanguage = null) => throw new NotSupportedException();

        public string Decode(ReadOnlySpan<int> ids) => throw new NotSupportedException();

        public int? TokenToId(string token) => Array.IndexOf(tokens, token) is >= 0 and var id ? id : null;
    }

    [Fact]
    public void A_multilingual_checkpoint_forces_each_language_token_and_reports_the_ones_it_lacks()
    {
        var (supported, unsupported) = LanguageTargets.Resolve(new Vocabulary("<s>", "en_XX", "de_DE"), ["de_DE", "pt_XX", "en_XX"]);

        Assert.Equal([new LanguageTarget("de_DE", "de_DE"), new LanguageTarget("en_XX", "en_XX")], supported);
        Assert.Equal(["pt_XX"], unsupported);
    }

    [Fact]
    public void A_single_target_checkpoint_serves_one_requested_language_with_its_own_first_token()
    {
        var marian = new Vocabulary("</s>", "<unk>", "<pad>", "▁rot");

        var (single, none) = LanguageTargets.Resolve(marian, ["de"]);
        Assert.Equal([new LanguageTarget("de", null)], single);
        Assert.Empty(none);

        var (supported, unsupported) = LanguageTargets.Resolve(marian, ["de", "fr"]);
        Assert.Empty(supported);
        Assert.Equal(["de", "fr"], unsupported);
    }
}
