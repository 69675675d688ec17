using Platform.Inference.Tests.Support;
using Platform.Inference.Tokenization;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.Inference.Tests.Tokenization;

public sealed class Gpt2TokenizerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly ITextTokenizer _tokenizer;

    public Gpt2TokenizerTests()
    {
        _vocabulary = Gpt2VocabularyWriter.Write(_directory.Path, ["a", "red", "circle"]);
        _tokenizer = CheckpointTokenizer.Load(_directory.Path);
    }

    [Fact]
    public void Words_after_a_space_are_single_tokens_and_the_rest_byte_tokens()
    {
        // GPT-2's byte alphabet: "a" = 97 - 33 = 64, "H" = 72 - 33 = 39, "i" = 105 - 33 = 72.
        Assert.Equal([64, _vocabulary["Ġred"], _vocabulary["Ġcircle"]], _tokenizer.Encode("a red circle"));
        Assert.Equal([39, 72], _tokenizer.Encode("Hi"));
    }

    [Fact]
    public void Runs_of_spaces_split_as_in_GPT2_not_into_CodeGen_whitespace_tokens()
    {
        // GPT-2's pattern splits "a  red" into "a", " ", " red"; Ġ (byte 32) = 188 + 32 = 220.
        // CodeGenTokenizer.Create would give [64, 50286, …]: an id this vocabulary (and GPT-2's) lacks.
        Assert.Equal([64, 220, _vocabulary["Ġred"]], _tokenizer.Encode("a  red"));
    }

    [Theory]
    [InlineData("a red circle")]
    [InlineData("  Grüße, 世界 ✓\ttabs\n\nnew lines  ")]
    [InlineData("emoji 👩‍🔬 and combining é")]
    public void Any_text_round_trips(string text)
    {
        Assert.Equal(text, _tokenizer.Decode(_tokenizer.Encode(text)));
    }

    [Fact]
    public void Endoftext_is_one_special_token_that_decoding_skips()
    {
        var endOfText = _vocabulary[Gpt2VocabularyWriter.EndOfText];

        var ids = _tokenizer.Encode("a red<|endoftext|>");

        Assert.Equal([64, _vocabulary["Ġred"], endOfText], ids);
        Assert.Equal("a red", _tokenizer.Decode([endOfText, .. ids, endOfText]));
        Assert.Equal(endOfText, _tokenizer.TokenToId("<|endoftext|>"));
        Assert.Equal(_vocabulary.Count, _tokenizer.VocabularySize);
    }

    [Fact]
    public void Ids_outside_the_vocabulary_are_rejected_when_decoding()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.Decode([_vocabulary.Count]));
    }

    [Fact]
    public void Words_with_multi_byte_letters_are_single_tokens_too()
    {
        using var directory = new TempDirectory();
        var vocabulary = Gpt2VocabularyWriter.Write(directory.Path, ["grün", "Grüße", "世界"]);
        var tokenizer = CheckpointTokenizer.Load(directory.Path);

        // " grün" in GPT-2's byte characters is "ĠgrÃ¼n" (ü = C3 BC → Ã ¼).
        Assert.Equal("ĠgrÃ¼n", Gpt2ByteAlphabet.Encode(" grün"));
        Assert.Equal(
            [vocabulary["ĠgrÃ¼n"], vocabulary[Gpt2ByteAlphabet.Encode(" Grüße")], vocabulary[Gpt2ByteAlphabet.Encode(" 世界")]],
            tokenizer.Encode(" grün Grüße 世界"));
    }

    [Fact]
    public void Add_prefix_space_from_tokenizer_config_makes_the_first_word_a_spaced_word()
    {
        File.WriteAllText(_directory.File("tokenizer_config.json"), """{"add_prefix_space": true}""");
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.Equal([_vocabulary["Ġred"], _vocabulary["Ġcircle"]], tokenizer.Encode("red circle"));
    }

    public void Dispose() => _directory.Dispose();
}
