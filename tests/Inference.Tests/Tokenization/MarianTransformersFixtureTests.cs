using Platform.Inference.Tests.Support;
using Platform.Inference.Tokenization;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.Inference.Tests.Tokenization;

/// <summary>
/// The setup of transformers' MarianTokenizationTest (tests/models/marian/test_tokenization_marian.py): its
/// vocab.json, and a source.spm that segments "This is a test" as its fixture model does
/// (▁This ▁is ▁a ▁t est, per test_tokenization_mbart50.py's test_full_tokenizer).
/// </summary>
public sealed class MarianTransformersFixtureTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ITextTokenizer _tokenizer;

    public MarianTransformersFixtureTests()
    {
        SentencePieceEntry[] pieces =
        [
            .. WholeWordPieces.MarianSpecials,
            new("▁This", -1), new("▁is", -1), new("▁a", -1), new("▁t", -2), new("est", -2),
            .. "▁Thisate".Select(c => new SentencePieceEntry(c.ToString(), -10)),
        ];
        SentencePieceModelWriter.Write(_directory.File("source.spm"), pieces, MarianVocabularyWriter.SpmOptions);
        SentencePieceModelWriter.Write(_directory.File("target.spm"), pieces, MarianVocabularyWriter.SpmOptions);
        File.WriteAllText(_directory.File("vocab.json"),
            """{"</s>": 0, "<unk>": 1, "▁This": 2, "▁is": 3, "▁a": 4, "▁t": 5, "est": 6, "\u0120": 7, "<pad>": 8}""");
        File.WriteAllText(_directory.File("tokenizer_config.json"), """{"target_lang": "fi", "source_lang": "en"}""");
        _tokenizer = CheckpointTokenizer.Load(_directory.Path);
    }

    [Fact]
    public void Vocabulary_size_and_token_ids_match_the_transformers_test()
    {
        // test_vocab_size: 9; test_convert_token_and_id: "</s>" ↔ 0.
        Assert.Equal(9, _tokenizer.VocabularySize);
        Assert.Equal(0, _tokenizer.TokenToId("</s>"));
    }

    [Fact]
    public void This_is_a_test_encodes_to_vocab_json_ids_and_decodes_back()
    {
        var ids = _tokenizer.Encode("This is a test");

        Assert.Equal([2, 3, 4, 5, 6, 0], ids);
        Assert.Equal("This is a test", _tokenizer.Decode(ids));
    }

    public void Dispose() => _directory.Dispose();
}
