using System.Text.RegularExpressions;

namespace Platform.Inference.Tokenization;

/// <summary>
/// Marian (opus-mt), as transformers' MarianTokenizer: source.spm segments the text, the pieces' ids come
/// from vocab.json (not from the SentencePiece model; a piece vocab.json lacks is &lt;unk&gt;), and
/// <c>&lt;/s&gt;</c> ends the input. Decoding maps ids back to pieces and joins them as target.spm does.
/// Models with separate vocabularies decode (and name tokens, and size the output) with target_vocab.json.
/// </summary>
internal sealed partial class MarianTokenizer : ITextTokenizer
{
    public const string SourceModel = "source.spm";
    public const string TargetModel = "target.spm";
    public const string VocabularyFile = "vocab.json";
    private const string TargetVocabularyFile = "target_vocab.json";

    private readonly SentencePieceModelFile _source;
    private readonly MarianVocabulary _sourceVocabulary;
    private readonly MarianVocabulary _targetVocabulary;
    private readonly HashSet<int> _specialIds;

    private MarianTokenizer(SentencePieceModelFile source, MarianVocabulary sourceVocabulary, MarianVocabulary targetVocabulary, IEnumerable<int> specialIds)
    {
        _source = source;
        _sourceVocabulary = sourceVocabulary;
        _targetVocabulary = targetVocabulary;
        _specialIds = [.. specialIds];
    }

    public int VocabularySize => _targetVocabulary.Count;

    public static MarianTokenizer Load(string directory)
    {
        var sourceVocabulary = MarianVocabulary.Read(directory, VocabularyFile);
        var targetVocabulary = TokenizerFile.Exists(directory, TargetVocabularyFile)
            ? MarianVocabulary.Read(directory, TargetVocabularyFile)
            : sourceVocabulary;
        // target.spm must load too: a broken one would otherwise surface only when decoding.
        SentencePieceModelFile.Read(directory, TargetModel);
        var config = TokenizerConfig.Read(directory);
        var specialIds = config.Names.Append("</s>").Append("<unk>").Append("<pad>")
            .Select(token => targetVocabulary.Id(token) ?? -1).Concat(config.Ids).Where(id => id >= 0);
        return new MarianTokenizer(SentencePieceModelFile.Read(directory, SourceModel), sourceVocabulary, targetVocabulary, specialIds);
    }

    public int[] Encode(string text, string? sourceLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        // Multilingual opus-mt models take the target language as a leading ">>fra<<" token, kept whole.
        var code = LanguageCode().Match(text);
        if (code.Success)
        {
            ids.Add(_sourceVocabulary.IdOrUnknown(code.Value));
            text = text[code.Length..];
        }

        var tokens = _source.Tokenizer.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        ids.AddRange(tokens.Select(token => _sourceVocabulary.IdOrUnknown(token.Value)));
        ids.Add(_sourceVocabulary.EndOfSentenceId);
        return [.. ids];
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var pieces = new List<string>(ids.Length);
        foreach (var id in ids)
        {
            TokenIds.CheckRange(id, VocabularySize);
            if (!_specialIds.Contains(id) && _targetVocabulary.Token(id) is { } piece)
            {
                pieces.Add(piece);
            }
        }

        return SentencePieceText.Join(pieces);
    }

    public int? TokenToId(string token) => _targetVocabulary.Id(token);

    [GeneratedRegex(@"\A>>.+?<<")]
    private static partial Regex LanguageCode();
}
