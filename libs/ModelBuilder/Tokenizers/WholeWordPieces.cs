namespace Platform.ModelBuilder.Tokenizers;

/// <summary>
/// Builds SentencePiece vocabularies in which every given word, preceded by the word boundary
/// <c>▁</c>, is one piece; the characters of the words are pieces too, so other text over the
/// same alphabet still segments (character by character), and anything else becomes &lt;unk&gt;.
/// </summary>
public static class WholeWordPieces
{
    public const char WordBoundary = '\u2581';

    /// <summary>Marian's layout: <c>&lt;/s&gt;</c> = 0, <c>&lt;unk&gt;</c> = 1 (trained with bos_id = -1).</summary>
    public static IReadOnlyList<SentencePieceEntry> MarianSpecials { get; } =
        [new("</s>", 0, SentencePieceKind.Control), new("<unk>", 0, SentencePieceKind.Unknown)];

    /// <summary>SentencePiece's default layout, used by mBART-50: <c>&lt;unk&gt;</c> = 0, <c>&lt;s&gt;</c> = 1, <c>&lt;/s&gt;</c> = 2.</summary>
    public static IReadOnlyList<SentencePieceEntry> DefaultSpecials { get; } =
        [new("<unk>", 0, SentencePieceKind.Unknown), new("<s>", 0, SentencePieceKind.Control), new("</s>", 0, SentencePieceKind.Control)];

    /// <summary>
    /// Specials first, then the words (for BPE every <c>▁</c>-prefix of a word too, so that the
    /// only merges available grow a word from its start), then the single characters.
    /// </summary>
    public static IReadOnlyList<SentencePieceEntry> Build(
        IReadOnlyList<SentencePieceEntry> specials, IEnumerable<string> words, SentencePieceModelType modelType)
    {
        ArgumentNullException.ThrowIfNull(specials);
        ArgumentNullException.ThrowIfNull(words);
        var wordList = words.Distinct(StringComparer.Ordinal).ToList();
        if (wordList.Any(w => w.Length == 0 || w.Any(c => char.IsWhiteSpace(c) || c == WordBoundary)))
        {
            throw new ArgumentException("Words must be non-empty and contain no whitespace or '▁'.", nameof(words));
        }

        var pieces = new List<string>();
        foreach (var word in wordList.Select(w => WordBoundary + w))
        {
            pieces.AddRange(modelType == SentencePieceModelType.Bpe
                ? Enumerable.Range(2, word.Length - 1).Select(length => word[..length])
                : [word]);
        }

        var multiChar = pieces.Where(p => p.Length > 1).Distinct(StringComparer.Ordinal).ToList();
        var singles = wordList.SelectMany(w => w).Select(c => c.ToString())
            .Prepend(WordBoundary.ToString()).Distinct(StringComparer.Ordinal).ToList();
        var entries = new List<SentencePieceEntry>(specials);
        entries.AddRange(multiChar.Select((p, i) => new SentencePieceEntry(p, -1f - (i * 0.001f))));
        entries.AddRange(singles.Select((p, i) => new SentencePieceEntry(p, -10f - (i * 0.001f))));
        return entries;
    }
}
