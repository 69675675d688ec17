using System.Text.Json;
using Microsoft.ML.Tokenizers;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.ModelBuilder.Tests.Tokenizers;

public sealed class Gpt2VocabularyWriterTests
{
    [Fact]
    public void Each_word_after_a_space_is_one_token_for_CodeGenTokenizer()
    {
        using var directory = new TemporaryDirectory();
        var vocabulary = Gpt2VocabularyWriter.Write(directory.Path, ["a", "red", "circle", "rectangle"]);
        var tokenizer = Load(directory);

        var ids = tokenizer.EncodeToIds("a red rectangle", addPrefixSpace: false, addBeginningOfSentence: false, addEndOfSentence: false);

        // The first word has no space before it, so it stays the byte token "a" (id 64 in GPT-2's alphabet order).
        Assert.Equal([64, vocabulary["Ġred"], vocabulary["Ġrectangle"]], ids);
        Assert.Equal(64, vocabulary["a"]);
    }

    [Fact]
    public void Vocabulary_starts_with_the_byte_alphabet_and_ends_with_endoftext()
    {
        using var directory = new TemporaryDirectory();
        var vocabulary = Gpt2VocabularyWriter.Write(directory.Path, ["red", "rectangle"]);

        // GPT-2's own ids: "!" = 0, "Ā" (byte 0) = 188, "Ġ" (space) = 220.
        Assert.Equal((0, 188, 220), (vocabulary["!"], vocabulary["Ā"], vocabulary["Ġ"]));
        // Ġr, Ġre shared; Ġred; Ġrec … Ġrectangle: 256 + 2 + 1 + 7 tokens, then <|endoftext|>.
        Assert.Equal(266, vocabulary[Gpt2VocabularyWriter.EndOfText]);
        Assert.Equal(267, vocabulary.Count);
        var written = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(directory.File("vocab.json")));
        Assert.Equal(vocabulary.OrderBy(p => p.Value), written!.OrderBy(p => p.Value));
    }

    [Fact]
    public void Words_the_pre_tokenizer_would_split_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Gpt2VocabularyWriter.Build(["don't"]));
        Assert.Contains("don't", error.Message, StringComparison.Ordinal);
    }

    private static CodeGenTokenizer Load(TemporaryDirectory directory)
    {
        using var vocab = File.OpenRead(directory.File("vocab.json"));
        using var merges = File.OpenRead(directory.File("merges.txt"));
        return CodeGenTokenizer.Create(vocab, merges, addPrefixSpace: false, addBeginOfSentence: false, addEndOfSentence: false);
    }
}
