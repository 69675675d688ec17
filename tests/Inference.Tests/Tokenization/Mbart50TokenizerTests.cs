using Platform.Inference.Tests.Support;
using Platform.Inference.Tokenization;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.Inference.Tests.Tokenization;

public sealed class Mbart50TokenizerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Ten_piece_model_puts_language_codes_and_mask_after_the_offset_pieces()
    {
        // BPE pieces: <unk> 0, <s> 1, </s> 2, ▁a 3, ▁ab 4, ▁abc 5, ▁ 6, a 7, b 8, c 9: ten pieces.
        // Model ids: spm p ≥ 3 → p + 1; de_DE = 10 + 1 + 2 = 13, en_XX = 14, fr_XX = 18, <mask> = 10 + 1 + 52 = 63.
        MbartVocabulary.Write(_directory.Path, ["abc"]);
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.Equal([13, 6, 2], tokenizer.Encode("abc", "de_DE"));
        Assert.Equal([14, 6, 5, 2], tokenizer.Encode("abc ab"));
        Assert.Equal((14, 18, 63, 64), (tokenizer.TokenToId("en_XX"), tokenizer.TokenToId("fr_XX"), tokenizer.TokenToId("<mask>"), tokenizer.VocabularySize));
        Assert.Equal((0, 1, 2, 3), (tokenizer.TokenToId("<s>"), tokenizer.TokenToId("<pad>"), tokenizer.TokenToId("</s>"), tokenizer.TokenToId("<unk>")));
    }

    [Fact]
    public void Unknown_characters_become_fairseq_unk()
    {
        MbartVocabulary.Write(_directory.Path, ["abc"]);
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        // "▁abz": ▁ab (4 → 5) then z, no piece: spm <unk> 0 → fairseq <unk> 3.
        Assert.Equal([14, 5, 3, 2], tokenizer.Encode("abz"));
    }

    [Fact]
    public void Decoding_skips_specials_language_codes_and_mask()
    {
        var pieces = MbartVocabulary.Write(_directory.Path, ["Hello", "world"]);
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);
        var hello = Id(pieces, "▁Hello") + 1;
        var world = Id(pieces, "▁world") + 1;
        var french = MbartVocabulary.LanguageCodeId(pieces.Count, "fr_XX");

        Assert.Equal([MbartVocabulary.LanguageCodeId(pieces.Count, "en_XX"), hello, world, 2], tokenizer.Encode("Hello world"));
        Assert.Equal("Hello world", tokenizer.Decode([2, french, hello, 3, world, 2, 1, 1, MbartVocabulary.MaskId(pieces.Count)]));
    }

    [Fact]
    public void Language_code_ids_agree_with_the_writer_for_all_52_codes()
    {
        var pieces = MbartVocabulary.Write(_directory.Path, ["abc"]);
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.All(MbartVocabulary.LanguageCodes, code => Assert.Equal(MbartVocabulary.LanguageCodeId(pieces.Count, code), tokenizer.TokenToId(code)));
    }

    [Fact]
    public void Source_language_defaults_to_tokenizer_config_src_lang_and_unknown_codes_are_rejected()
    {
        MbartVocabulary.Write(_directory.Path, ["abc"]);
        File.WriteAllText(_directory.File("tokenizer_config.json"), """{"src_lang": "fr_XX", "tgt_lang": "en_XX"}""");
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.Equal([18, 6, 2], tokenizer.Encode("abc"));
        var error = Assert.Throws<ArgumentException>(() => tokenizer.Encode("abc", "xx_YY"));
        Assert.Contains("xx_YY", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => tokenizer.Encode("abc", "<mask>"));
    }

    [Fact]
    public void A_1000_piece_model_gives_the_ids_of_transformers_MBart50TokenizationTest()
    {
        // Its fixture model has ▁This 285, ▁is 46, ▁a 10, ▁t 170, est 382 among 1000 pieces; ids are those + 1,
        // vocab_size is 1054 (1000 + 1 + 52 + 1), en_XX 1000 + 1 + 3 = 1004, <mask> 1053.
        var placed = new Dictionary<int, string> { [285] = "▁This", [46] = "▁is", [10] = "▁a", [170] = "▁t", [382] = "est" };
        var pieces = WholeWordPieces.DefaultSpecials.Concat(Enumerable.Range(3, 997)
            .Select(id => new SentencePieceEntry(placed.GetValueOrDefault(id, $"丁{id}"), placed.ContainsKey(id) ? -1 : -20))).ToList();
        SentencePieceModelWriter.Write(_directory.File(MbartVocabulary.ModelFileName), pieces, new SentencePieceModelOptions());
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.Equal([1004, 286, 47, 11, 171, 383, 2], tokenizer.Encode("This is a test"));
        Assert.Equal((1054, 0, 1053), (tokenizer.VocabularySize, tokenizer.TokenToId("<s>"), tokenizer.TokenToId("<mask>")));
        Assert.Equal("This is a test", tokenizer.Decode([1004, 286, 47, 11, 171, 383, 2]));
    }

    [Theory]
    [InlineData(false, "Hello world .")]
    [InlineData(true, "Hello world.")]
    public void Spaces_before_punctuation_are_cleaned_only_when_tokenizer_config_asks(bool cleanUp, string expected)
    {
        MbartVocabulary.Write(_directory.Path, ["Hello", "world", "."]);
        File.WriteAllText(_directory.File("tokenizer_config.json"), $$"""{"src_lang": "en_XX", "clean_up_tokenization_spaces": {{(cleanUp ? "true" : "false")}}}""");
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.Equal(expected, tokenizer.Decode(tokenizer.Encode("Hello world .")));
    }

    private static int Id(IReadOnlyList<SentencePieceEntry> pieces, string piece) =>
        pieces.Select((p, i) => (p, i)).Single(x => x.p.Piece == piece).i;

    public void Dispose() => _directory.Dispose();
}
