using System.Text.RegularExpressions;

namespace Platform.Inference.Tokenization;

/// <summary>
/// Marian (opus-mt), as transformers' MarianTokenizer: source.spm segments the text, the pieces' ids come
/// from vocab.json (not from the SentencePiece model; a piece vocab.json lacks is &lt;unk&gt;), and
/// <c>&lt;/s&gt;</c> ends the input. Decoding maps ids back to pieces and joins them as target.spm does.
/// </summary>
internal sealed partial class MarianTokenizer : ITextTokenizer
{
    public const string SourceModel = "source.spm";
    public const string TargetModel = "target.spm";
    public const string VocabularyFile = "vocab.json";

    private readonly SentencePieceModelFile _source;
    private readonly Dictionary<string, int> _vocabulary;
    private readonly string[] _pieces;
    private readonly HashSet<int> _specialIds;
    private readonly int _endOfSentenceId;
    private readonly int _unknownId;

    private MarianTokenizer(SentencePieceModelFile source, Dictionary<string, int> vocabulary, IEnumerable<int> specialIds)
    {
        _source = source;
        _vocabulary = vocabulary;
        VocabularySize = vocabulary.Values.Max() + 1;
        _pieces = new string[VocabularySize];
        foreach (var (piece, id) in vocabulary)
        {
            _pieces[id] = piece;
        }

        _endOfSentenceId = vocabulary["</s>"];
        _unknownId = vocabulary["<unk>"];
        _specialIds = [.. specialIds];
    }

    public int VocabularySize { get; }

    public static MarianTokenizer Load(string directory)
    {
        var vocabularyPath = Path.Combine(directory, VocabularyFile);
        var vocabulary = TokenizerFile.ReadVocabulary(directory, VocabularyFile);
        var missing = new[] { "</s>", "<unk>" }.Where(token => !vocabulary.ContainsKey(token)).ToList();
        if (missing.Count > 0 || vocabulary.Values.Any(id => id < 0))
        {
            throw new InvalidDataException($"{vocabularyPath}: lacks {string.Join(", ", missing.DefaultIfEmpty("non-negative ids"))}.");
        }

        // target.spm must load too: a broken one would otherwise surface only when decoding.
        SentencePieceModelFile.Read(directory, TargetModel);
        var config = TokenizerConfig.Read(directory);
        var specialIds = config.Names.Append("</s>").Append("<unk>").Append("<pad>")
            .Select(token => vocabulary.TryGetValue(token, out var id) ? id : -1).Concat(config.Ids).Where(id => id >= 0);
        return new MarianTokenizer(SentencePieceModelFile.Read(directory, SourceModel), vocabulary, specialIds);
    }

    public int[] Encode(string text, string? sourceLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        // Multilingual opus-mt models take the target language as a leading ">>fra<<" token, kept whole.
        var code = LanguageCode().Match(text);
        if (code.Success)
        {
            ids.Add(_vocabulary.GetValueOrDefault(code.Value, _unknownId));
            text = text[code.Length..];
        }

        var tokens = _source.Tokenizer.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        ids.AddRange(tokens.Select(token => _vocabulary.GetValueOrDefault(token.Value, _unknownId)));
        ids.Add(_endOfSentenceId);
        return [.. ids];
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var pieces = new List<string>(ids.Length);
        foreach (var id in ids)
        {
            TokenIds.CheckRange(id, VocabularySize);
            if (!_specialIds.Contains(id) && _pieces[id] is { } piece)
            {
                pieces.Add(piece);
            }
        }

        return SentencePieceText.Join(pieces);
    }

    public int? TokenToId(string token) => _vocabulary.TryGetValue(token, out var id) ? id : null;

    [GeneratedRegex(@"\A>>.+?<<")]
    private static partial Regex LanguageCode();
}
