using Platform.Inference.Checkpoints;
using Platform.Inference.Tests.Support;
using Platform.Inference.Tokenization;
using Platform.ModelBuilder;

namespace Platform.Inference.Tests.Checkpoints;

/// <summary>The one rule deciding which requested languages a checkpoint serves, from stored or live capabilities.</summary>
public sealed class LanguageCapabilitiesTests
{
    private static readonly LanguageCapabilities Multilingual = new(["de_DE", "en_XX", "fr_XX"], null);

    private static readonly LanguageCapabilities SingleTarget = new([], null);

    private static readonly LanguageCapabilities EnglishToGerman = new([], new LanguagePair("en", "de"));

    [Fact]
    public void A_multilingual_checkpoint_serves_its_tokens_and_their_plain_codes_and_nothing_else()
    {
        var (supported, unsupported) = Multilingual.Resolve(["de", "en_XX", "ja", "fr"]);

        Assert.Equal([new LanguageTarget("de", "de_DE"), new LanguageTarget("en_XX", "en_XX"), new LanguageTarget("fr", "fr_XX")], supported);
        Assert.Equal(["ja"], unsupported);
        Assert.Equal(["de", "en", "fr"], Multilingual.PlainCodes);
    }

    [Fact]
    public void A_multilingual_checkpoint_asked_for_one_language_it_has_no_token_for_does_not_fall_back_on_a_single_target()
    {
        var (supported, unsupported) = Multilingual.Resolve(["ja"]);

        Assert.Empty(supported);
        Assert.Equal(["ja"], unsupported);
    }

    [Fact]
    public void A_checkpoint_without_language_tokens_serves_exactly_one_language_per_request()
    {
        Assert.Equal([new LanguageTarget("ja", null)], SingleTarget.Resolve(["ja"]).Supported);

        var (supported, unsupported) = SingleTarget.Resolve(["de", "fr"]);
        Assert.Empty(supported);
        Assert.Equal(["de", "fr"], unsupported);
        Assert.Empty(SingleTarget.PlainCodes);
    }

    [Fact]
    public void A_declared_pair_serves_only_its_target_and_translates_only_from_its_source()
    {
        var (supported, unsupported) = EnglishToGerman.Resolve(["fr", "de_DE"]);

        Assert.Equal([new LanguageTarget("de_DE", null)], supported);
        Assert.Equal(["fr"], unsupported);
        Assert.True(EnglishToGerman.TranslatesFrom("en_XX"));
        Assert.False(EnglishToGerman.TranslatesFrom("fr"));
        Assert.True(new LanguageCapabilities([], new LanguagePair(null, "de")).TranslatesFrom("fr"));
        Assert.True(SingleTarget.TranslatesFrom("fr"));
    }

    [Fact]
    public void Capabilities_read_from_a_live_tokenizer_resolve_as_the_stored_ones_do()
    {
        using var captioner = new TempDirectory();
        TestCheckpoints.WriteColourShapeCaptioner(captioner.Path);
        using var translator = new TempDirectory();
        TestCheckpoints.WriteWordTranslator(translator.Path, "de");

        var mbart = LanguageCapabilities.Of(CheckpointTokenizer.Load(captioner.Path), null);
        var marian = LanguageCapabilities.Of(CheckpointTokenizer.Load(translator.Path), LanguagePair.Read(translator.Path));

        Assert.Contains("de_DE", mbart.Tokens);
        Assert.Equal(52, mbart.Tokens.Count);
        var (supported, unsupported) = new LanguageCapabilities([.. mbart.Tokens], null).Resolve(["de", "el"]);
        Assert.Equal(supported, mbart.Resolve(["de", "el"]).Supported);
        Assert.Equal([new LanguageTarget("de", "de_DE")], supported);
        Assert.Equal(["el"], unsupported);
        Assert.Empty(marian.Tokens);
        Assert.Equal(new LanguagePair("en", "de"), marian.Pair);
        Assert.Equal(["fr"], marian.Resolve(["de", "fr"]).Unsupported);
    }
}
