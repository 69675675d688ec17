using Platform.Inference.Tokenization;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.Inference.Tests.Tokenization;

public sealed class CheckpointTokenizerErrorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void A_folder_without_tokenizer_files_names_what_was_expected()
    {
        File.WriteAllText(_directory.File("config.json"), "{}");

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains("tokenizer.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("sentencepiece.bpe.model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var missing = _directory.File("nope");

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vocab.json", "merges.txt")]
    [InlineData("source.spm", "target.spm")]
    [InlineData("target.spm", "source.spm")]
    public void A_half_present_layout_names_the_missing_file(string present, string missing)
    {
        File.WriteAllText(_directory.File(present), "{}");

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Marian_without_vocab_json_names_it()
    {
        MarianVocabularyWriter.Write(_directory.Path, ["Hello"], ["Hallo"]);
        File.Delete(_directory.File("vocab.json"));

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains(_directory.File("vocab.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Marian_vocab_json_without_eos_names_the_file_and_the_token()
    {
        MarianVocabularyWriter.Write(_directory.Path, ["Hello"], ["Hallo"]);
        File.WriteAllText(_directory.File("vocab.json"), """{"<unk>": 0, "▁Hello": 1}""");

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains("vocab.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("</s>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a model")]
    [InlineData("")]
    public void A_corrupt_sentencepiece_model_names_the_file(string content)
    {
        File.WriteAllText(_directory.File(MbartVocabulary.ModelFileName), content);

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains(_directory.File(MbartVocabulary.ModelFileName), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vocab.json", "{not json")]
    [InlineData("vocab.json", "[1, 2]")]
    [InlineData("merges.txt", "#version: 0.2\nĠ r extra")]
    public void Bad_gpt2_files_are_named(string file, string content)
    {
        Gpt2VocabularyWriter.Write(_directory.Path, ["red"]);
        File.WriteAllText(_directory.File(file), content);

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"model": {"type": "Unigram", "vocab": [["<unk>", 0]]}}""")]
    [InlineData("""{"model": {"type": "BPE", "vocab": {"a": "zero"}, "merges": []}, "pre_tokenizer": {"type": "ByteLevel"}}""")]
    [InlineData("""{"added_tokens": [{"special": true}], "model": {"type": "BPE"}}""")]
    public void Bad_tokenizer_json_is_named(string content)
    {
        File.WriteAllText(_directory.File("tokenizer.json"), content);

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains("tokenizer.json", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
