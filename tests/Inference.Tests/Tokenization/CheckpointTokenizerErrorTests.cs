using Platform.Inference.Tests.Support;
using Platform.Inference.Tokenization;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.Inference.Tests.Tokenization;

public sealed class CheckpointTokenizerErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

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

    [Fact]
    public void A_sentencepiece_model_whose_eos_id_is_outside_its_pieces_names_the_file_and_the_id()
    {
        var valid = SentencePieceModelWriter.Serialize(
            WholeWordPieces.Build(WholeWordPieces.DefaultSpecials, ["abc"], SentencePieceModelType.Bpe), new SentencePieceModelOptions());
        // Protobuf merges a repeated sub-message: trainer_spec (field 2, 3 bytes) { eos_id (field 42, varint D0 02) = 99 }.
        File.WriteAllBytes(_directory.File(MbartVocabulary.ModelFileName), [.. valid, 0x12, 0x03, 0xD0, 0x02, 99]);

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains(MbartVocabulary.ModelFileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("eos 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentencepiece_model_without_specs_names_the_file()
    {
        // pieces (field 1, 3 bytes) { piece (field 1) = "a" } and nothing else.
        File.WriteAllBytes(_directory.File(MbartVocabulary.ModelFileName), [0x0A, 0x03, 0x0A, 0x01, (byte)'a']);

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains(MbartVocabulary.ModelFileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("normalizer_spec", error.Message, StringComparison.Ordinal);
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
