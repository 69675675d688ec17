namespace Platform.ModelBuilder.Tokenizers;

/// <summary>
/// mBART-50's id layout (transformers' MBart50Tokenizer): fairseq's specials
/// <c>&lt;s&gt;</c> = 0, <c>&lt;pad&gt;</c> = 1, <c>&lt;/s&gt;</c> = 2, <c>&lt;unk&gt;</c> = 3; SentencePiece
/// piece p (p ≥ 3) becomes p + 1; then the 52 language codes, then <c>&lt;mask&gt;</c>.
/// </summary>
public static class MbartVocabulary
{
    public const string ModelFileName = "sentencepiece.bpe.model";
    public const int FairseqOffset = 1;
    public const int BosId = 0;
    public const int PadId = 1;
    public const int EosId = 2;
    public const int UnkId = 3;

    /// <summary>FAIRSEQ_LANGUAGE_CODES of transformers' tokenization_mbart50.py, in order.</summary>
    public static IReadOnlyList<string> LanguageCodes => Codes;

    private static readonly string[] Codes =
    [
        "ar_AR", "cs_CZ", "de_DE", "en_XX", "es_XX", "et_EE", "fi_FI", "fr_XX", "gu_IN", "hi_IN",
        "it_IT", "ja_XX", "kk_KZ", "ko_KR", "lt_LT", "lv_LV", "my_MM", "ne_NP", "nl_XX", "ro_RO",
        "ru_RU", "si_LK", "tr_TR", "vi_VN", "zh_CN", "af_ZA", "az_AZ", "bn_IN", "fa_IR", "he_IL",
        "hr_HR", "id_ID", "ka_GE", "km_KH", "mk_MK", "ml_IN", "mn_MN", "mr_IN", "pl_PL", "ps_AF",
        "pt_XX", "sv_SE", "sw_KE", "ta_IN", "te_IN", "th_TH", "tl_XX", "uk_UA", "ur_PK", "xh_ZA",
        "gl_ES", "sl_SI",
    ];

    /// <summary>The model id of SentencePiece piece <paramref name="pieceId"/> in the default layout (&lt;unk&gt; 0, &lt;s&gt; 1, &lt;/s&gt; 2).</summary>
    public static int TokenId(int pieceId) => pieceId switch
    {
        0 => UnkId,
        1 => BosId,
        2 => EosId,
        _ => pieceId + FairseqOffset,
    };

    public static int LanguageCodeId(int pieceCount, string languageCode)
    {
        var index = Array.IndexOf(Codes, languageCode);
        return index < 0
            ? throw new ArgumentException($"'{languageCode}' is not an mBART-50 language code.", nameof(languageCode))
            : pieceCount + FairseqOffset + index;
    }

    public static int MaskId(int pieceCount) => pieceCount + FairseqOffset + LanguageCodes.Count;

    public static int VocabularySize(int pieceCount) => MaskId(pieceCount) + 1;

    /// <summary>
    /// Writes <c>sentencepiece.bpe.model</c> (each word one piece) and a tokenizer_config.json with
    /// <paramref name="sourceLanguage"/> as src_lang to <paramref name="directory"/>; returns the pieces,
    /// whose count is what the id functions above take.
    /// </summary>
    public static IReadOnlyList<SentencePieceEntry> Write(
        string directory, IEnumerable<string> words, SentencePieceModelType modelType = SentencePieceModelType.Bpe, string sourceLanguage = "en_XX")
    {
        if (!Codes.Contains(sourceLanguage))
        {
            throw new ArgumentException($"'{sourceLanguage}' is not an mBART-50 language code.", nameof(sourceLanguage));
        }

        var pieces = WholeWordPieces.Build(WholeWordPieces.DefaultSpecials, words, modelType);
        SentencePieceModelWriter.Write(Path.Combine(directory, ModelFileName), pieces, new SentencePieceModelOptions(modelType));
        TokenizerJsonFile.WriteConfig(directory, "MBart50Tokenizer", ("src_lang", sourceLanguage), ("model_max_length", 1024));
        return pieces;
    }
}
