using Platform.Inference.Tests.Support;
using Platform.Inference.Tokenization;
using Platform.ModelBuilder;

namespace Platform.Inference.Tests.Tokenization;

public sealed class LanguageTokensTests
{
    [Theory]
    [InlineData("fr_XX", "fr_XX")]
    [InlineData("fr", "fr_XX")]
    [InlineData("de", "de_DE")]
    [InlineData("es", "es_XX")]
    [InlineData("xx", null)]
    [InlineData("f", null)]
    public void Plain_codes_resolve_to_the_one_mbart_code_of_their_language(string requested, string? expected)
    {
        using var directory = new TempDirectory();
        TestCheckpoints.WriteColourShapeCaptioner(directory.Path);
        var tokenizer = CheckpointTokenizer.Load(directory.Path);

        Assert.Equal(expected, LanguageTokens.Resolve(tokenizer, requested));
    }

    [Fact]
    public void A_tokenizer_without_language_codes_resolves_nothing()
    {
        using var directory = new TempDirectory();
        TestCheckpoints.WriteWordTranslator(directory.Path, "de");
        var tokenizer = CheckpointTokenizer.Load(directory.Path);

        Assert.Null(LanguageTokens.Resolve(tokenizer, "de"));
    }
}
