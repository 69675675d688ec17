using Microsoft.ML.Tokenizers;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.ModelBuilder.Tests.Tokenizers;

public sealed class MbartVocabularyTests
{
    [Fact]
    public void Language_codes_follow_the_pieces_after_the_fairseq_offset()
    {
        // 10 pieces: ar_AR = 10 + 1 + 0, en_XX = 10 + 1 + 3, fr_XX = 10 + 1 + 7, <mask> = 10 + 1 + 52.
        Assert.Equal(52, MbartVocabulary.LanguageCodes.Count);
        Assert.Equal(11, MbartVocabulary.LanguageCodeId(10, "ar_AR"));
        Assert.Equal(14, MbartVocabulary.LanguageCodeId(10, "en_XX"));
        Assert.Equal(18, MbartVocabulary.LanguageCodeId(10, "fr_XX"));
        Assert.Equal(62, MbartVocabulary.LanguageCodeId(10, "sl_SI"));
        Assert.Equal(63, MbartVocabulary.MaskId(10));
        Assert.Equal(64, MbartVocabulary.VocabularySize(10));
        // The real mBART-50 (250 000 pieces), as transformers' test_tokenization_mbart50.py checks:
        // ar_AR 250001, en_XX 250004, ro_RO 250020, mr_IN 250038; then <mask> 250053, 250054 ids.
        Assert.Equal([250001, 250004, 250020, 250038], new[] { "ar_AR", "en_XX", "ro_RO", "mr_IN" }.Select(code => MbartVocabulary.LanguageCodeId(250_000, code)));
        Assert.Equal((250053, 250054), (MbartVocabulary.MaskId(250_000), MbartVocabulary.VocabularySize(250_000)));
    }

    [Fact]
    public void Piece_ids_map_to_fairseq_ids()
    {
        Assert.Equal([3, 0, 2, 4, 10], new[] { 0, 1, 2, 3, 9 }.Select(MbartVocabulary.TokenId));
    }

    [Fact]
    public void Unknown_language_codes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => MbartVocabulary.LanguageCodeId(10, "xx_YY"));
    }

    [Fact]
    public void Written_model_segments_each_word_into_one_piece()
    {
        using var directory = new TemporaryDirectory();
        var pieces = MbartVocabulary.Write(directory.Path, ["rot", "Kreis"]);
        using var stream = File.OpenRead(directory.File(MbartVocabulary.ModelFileName));
        var tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);

        var ids = tokenizer.EncodeToIds("rot Kreis");

        // BPE pieces after <unk> <s> </s>: ▁r ▁ro ▁rot ▁K ▁Kr ▁Kre ▁Krei ▁Kreis → ▁rot = 5, ▁Kreis = 10.
        Assert.Equal([5, 10], ids);
        Assert.Equal(["▁rot", "▁Kreis"], ids.Select(id => pieces[id].Piece));
    }
}
