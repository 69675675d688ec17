using Platform.Inference.Checkpoints;
using Platform.Inference.Tokenization;

namespace Platform.Inference.Tests.Checkpoints;

/// <summary>Capabilities read from a live tokenizer's vocabulary, as a worker reads them from a loaded checkpoint.</summary>
public sealed class TokenizerLanguagesTests
{
    /// <summary>Only the vocabulary matters here: which language codes are whole tokens.</summary>
    private sealed class Vocabulary(params string[] tokens) : ITextTokenizer
    {
        public int VocabularySize => tokens.Length;

        public int[] Encode(string text, string? sourceLanguage = null) => throw new NotSupportedException();

        public string Decode(ReadOnlySpan<int> ids) => throw new NotSupportedException();

        public int? TokenToId(string token) => Array.IndexOf(tokens, token) is >= 0 and var id ? id : null;
    }

    private static (IReadOnlyList<LanguageTarget> Supported, IReadOnlyList<string> Unsupported) Resolve(
        ITextTokenizer tokenizer, IReadOnlyList<string> languages, string? declaredTarget = null) =>
        LanguageCapabilities.Of(tokenizer, declaredTarget is null ? null : new LanguagePair(null, declaredTarget)).Resolve(languages);

    [Fact]
    public void A_multilingual_checkpoint_forces_each_language_token_and_reports_the_ones_it_lacks()
    {
        var (supported, unsupported) = Resolve(new Vocabulary("<s>", "en_XX", "de_DE"), ["de_DE", "pt_XX", "en_XX"]);

        Assert.Equal([new LanguageTarget("de_DE", "de_DE"), new LanguageTarget("en_XX", "en_XX")], supported);
        Assert.Equal(["pt_XX"], unsupported);
    }

    [Fact]
    public void A_single_target_checkpoint_serves_one_requested_language_with_its_own_first_token()
    {
        var marian = new Vocabulary("</s>", "<unk>", "<pad>", "▁rot");

        var (single, none) = Resolve(marian, ["de"]);
        Assert.Equal([new LanguageTarget("de", null)], single);
        Assert.Empty(none);

        var (supported, unsupported) = Resolve(marian, ["de", "fr"]);
        Assert.Empty(supported);
        Assert.Equal(["de", "fr"], unsupported);
    }

    [Fact]
    public void A_pair_checkpoint_that_declares_its_target_serves_only_that_language()
    {
        var marian = new Vocabulary("</s>", "<unk>", "<pad>", "▁rot");

        Assert.Equal([new LanguageTarget("de_DE", null)], Resolve(marian, ["de_DE"], declaredTarget: "de").Supported);
        var (supported, unsupported) = Resolve(marian, ["fr"], declaredTarget: "de");
        Assert.Empty(supported);
        Assert.Equal(["fr"], unsupported);
        var (german, french) = Resolve(marian, ["fr", "de"], declaredTarget: "de");
        Assert.Equal([new LanguageTarget("de", null)], german);
        Assert.Equal(["fr"], french);
    }

    [Theory]
    [InlineData("de", "de", true)]
    [InlineData("de", "de_DE", true)]
    [InlineData("de", "DE-at", true)]
    [InlineData(null, "fr", true)]
    [InlineData("de", "fr", false)]
    [InlineData("en", "es_XX", false)]
    public void A_requested_code_matches_a_declared_language_by_its_base(string? declared, string requested, bool matches) =>
        Assert.Equal(matches, LanguagePair.Matches(declared, requested));
}
