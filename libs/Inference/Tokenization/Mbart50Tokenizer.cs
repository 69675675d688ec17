using System.Text.Json.Nodes;

namespace Platform.Inference.Tokenization;

/// <summary>
/// mBART-50, as transformers' MBart50Tokenizer: fairseq's <c>&lt;s&gt;</c> 0, <c>&lt;pad&gt;</c> 1, <c>&lt;/s&gt;</c> 2,
/// <c>&lt;unk&gt;</c> 3; SentencePiece piece p ≥ 3 is id p + 1; then the 52 language codes, then <c>&lt;mask&gt;</c>.
/// Source text encodes as <c>[src_lang] X &lt;/s&gt;</c>.
/// </summary>
internal sealed class Mbart50Tokenizer : ITextTokenizer
{
    public const string ModelFile = "sentencepiece.bpe.model";
    private const int FairseqOffset = 1;
    private const int EndOfSentenceId = 2;
    private const int UnknownId = 3;
    private const string DefaultSourceLanguage = "en_XX";

    private static readonly string[] FairseqSpecials = ["<s>", "<pad>", "</s>", "<unk>"];

    private readonly SentencePieceModelFile _model;
    private readonly string _defaultSourceLanguage;
    private readonly int _firstLanguageId;

    private Mbart50Tokenizer(SentencePieceModelFile model, string defaultSourceLanguage)
    {
        _model = model;
        _defaultSourceLanguage = defaultSourceLanguage;
        _firstLanguageId = model.PieceCount + FairseqOffset;
        VocabularySize = _firstLanguageId + Mbart50LanguageCodes.All.Count + 1;
    }

    public int VocabularySize { get; }

    private int MaskId => VocabularySize - 1;

    public static Mbart50Tokenizer Load(string directory)
    {
        var model = SentencePieceModelFile.Read(directory, ModelFile);
        var sourceLanguage = TokenizerFile.ReadOptionalJson(directory, "tokenizer_config.json")?["src_lang"] is JsonValue value
            && value.TryGetValue(out string? language) ? language : DefaultSourceLanguage;
        if (!Mbart50LanguageCodes.All.Contains(sourceLanguage))
        {
            throw new InvalidDataException($"{Path.Combine(directory, "tokenizer_config.json")}: src_lang '{sourceLanguage}' is not an mBART-50 language code.");
        }

        return new Mbart50Tokenizer(model, sourceLanguage);
    }

    public int[] Encode(string text, string? sourceLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var language = sourceLanguage ?? _defaultSourceLanguage;
        var languageId = TokenToId(language) is { } id && id >= _firstLanguageId && id < MaskId
            ? id
            : throw new ArgumentException($"'{language}' is not an mBART-50 language code.", nameof(sourceLanguage));
        var pieces = _model.Tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false);
        return [languageId, .. pieces.Select(ToModelId), EndOfSentenceId];
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var pieceIds = new List<int>(ids.Length);
        foreach (var id in ids)
        {
            TokenIds.CheckRange(id, VocabularySize);
            // Fairseq specials, language codes and <mask> are skipped.
            if (id > UnknownId && id < _firstLanguageId)
            {
                pieceIds.Add(id - FairseqOffset);
            }
        }

        return _model.Tokenizer.Decode(pieceIds, considerSpecialTokens: false);
    }

    public int? TokenToId(string token)
    {
        var special = Array.IndexOf(FairseqSpecials, token);
        if (special >= 0)
        {
            return special;
        }

        var language = Mbart50LanguageCodes.IndexOf(token);
        if (language >= 0)
        {
            return _firstLanguageId + language;
        }

        if (token == "<mask>")
        {
            return MaskId;
        }

        var piece = _model.Tokenizer.Vocabulary.TryGetValue(token, out var pieceId) ? pieceId : -1;
        return piece > 2 && piece != _model.UnknownId ? piece + FairseqOffset : null;
    }

    private int ToModelId(int pieceId) => pieceId == _model.UnknownId ? UnknownId : pieceId + FairseqOffset;
}
