using Platform.Inference.Tests.Support;
using Microsoft.ML.Tokenizers;
using Platform.Inference.Tokenization;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.Inference.Tests.Tokenization;

public sealed class MarianTokenizerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ITextTokenizer _tokenizer;

    public MarianTokenizerTests()
    {
        // vocab.json, ordinal order after </s> 0 and <unk> 1: H 2, W 3, a 4, d 5, e 6, l 7, o 8, r 9, t 10,
        // w 11, ▁ 12, ▁Hallo 13, ▁Hello 14, ▁Welt 15, ▁world 16, <pad> 17. source.spm has ▁Hello = 2, ▁world = 3.
        MarianVocabularyWriter.Write(_directory.Path, ["Hello", "world"], ["Hallo", "Welt"]);
        _tokenizer = CheckpointTokenizer.Load(_directory.Path);
    }

    [Fact]
    public void Source_pieces_take_their_ids_from_vocab_json_and_end_with_eos()
    {
        Assert.Equal([14, 16, 0], _tokenizer.Encode("Hello world"));
        Assert.Equal(18, _tokenizer.VocabularySize);
    }

    [Fact]
    public void Extra_whitespace_is_removed_as_SentencePiece_does()
    {
        Assert.Equal([14, 16, 0], _tokenizer.Encode("  Hello    world "));
        Assert.Equal([0], _tokenizer.Encode(""));
    }

    [Fact]
    public void A_character_source_spm_lacks_is_unk()
    {
        // "!" is no piece: SentencePiece keeps it as its own (unknown) piece, vocab.json lacks it: <unk> = 1.
        Assert.Equal([14, 16, 1, 0], _tokenizer.Encode("Hello world!"));
    }

    [Fact]
    public void Decoding_maps_ids_to_target_pieces_and_skips_specials()
    {
        Assert.Equal("Hallo Welt", _tokenizer.Decode([17, 13, 15, 0, 17]));
        Assert.Equal("Hallo", _tokenizer.Decode([13, 1]));
        Assert.Equal("Welt", _tokenizer.Decode([12, 3, 6, 7, 10]));
    }

    [Fact]
    public void Special_tokens_resolve_by_name()
    {
        Assert.Equal((0, 1, 17), (_tokenizer.TokenToId("</s>"), _tokenizer.TokenToId("<unk>"), _tokenizer.TokenToId("<pad>")));
        Assert.Null(_tokenizer.TokenToId("▁Tschüss"));
    }

    [Fact]
    public void Microsoft_ML_Tokenizers_alone_cannot_load_a_bos_id_minus_one_model()
    {
        // The trap CheckpointTokenizer works around (see SentencePieceModelFile).
        using var stream = File.OpenRead(_directory.File("source.spm"));

        Assert.Throws<IndexOutOfRangeException>(() => SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false));
    }

    [Fact]
    public void A_leading_target_language_token_is_kept_whole()
    {
        MarianVocabularyWriter.WriteVocabulary(_directory.File("vocab.json"), [">>deu<<", "▁Hello", "▁world"]);
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        // </s> 0, <unk> 1, >>deu<< 2, ▁Hello 3, ▁world 4, <pad> 5.
        Assert.Equal([2, 3, 4, 0], tokenizer.Encode(">>deu<< Hello world"));
    }

    [Fact]
    public void Separate_target_vocabulary_decodes_and_sizes_the_output()
    {
        // target_vocab.json: </s> 0, <unk> 1, ▁Hallo 2, ▁Welt 3, <pad> 4; the source side keeps vocab.json.
        MarianVocabularyWriter.WriteVocabulary(_directory.File("target_vocab.json"), ["▁Welt", "▁Hallo"]);
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.Equal([14, 16, 0], tokenizer.Encode("Hello world"));
        Assert.Equal("Hallo Welt", tokenizer.Decode([4, 2, 3, 0]));
        Assert.Equal((5, 4), (tokenizer.VocabularySize, tokenizer.TokenToId("<pad>")));
    }

    public void Dispose() => _directory.Dispose();
}
