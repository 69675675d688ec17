namespace Platform.ModelBuilder.Tokenizers;

/// <summary>
/// Writes a Marian (opus-mt) tokenizer: <c>source.spm</c> and <c>target.spm</c> (unigram, trained-like
/// with bos_id = -1, eos_id = 0, unk_id = 1) and the joint <c>vocab.json</c> that holds the model's ids:
/// <c>&lt;/s&gt;</c> = 0, <c>&lt;unk&gt;</c> = 1, every other piece of both models in ordinal order, <c>&lt;pad&gt;</c> last.
/// As in real checkpoints, vocab.json ids differ from the SentencePiece ids.
/// </summary>
public static class MarianVocabularyWriter
{
    public const string EndOfSentence = "</s>";
    public const string Unknown = "<unk>";
    public const string Padding = "<pad>";

    /// <summary>
    /// Real Marian models name "nmt_nfkc" and carry its compiled character map; we write no map, so the
    /// model normalises nothing and says so ("identity").
    /// </summary>
    public static SentencePieceModelOptions SpmOptions { get; } =
        new(SentencePieceModelType.Unigram, UnkId: 1, BosId: -1, EosId: 0);

    /// <summary>Writes the three files; returns vocab.json (token → id), whose count is the model's vocabulary size.</summary>
    public static IReadOnlyDictionary<string, int> Write(string directory, IEnumerable<string> sourceWords, IEnumerable<string> targetWords)
    {
        var source = WholeWordPieces.Build(WholeWordPieces.MarianSpecials, sourceWords, SentencePieceModelType.Unigram);
        var target = WholeWordPieces.Build(WholeWordPieces.MarianSpecials, targetWords, SentencePieceModelType.Unigram);
        SentencePieceModelWriter.Write(Path.Combine(directory, "source.spm"), source, SpmOptions);
        SentencePieceModelWriter.Write(Path.Combine(directory, "target.spm"), target, SpmOptions);
        var vocabulary = WriteVocabulary(Path.Combine(directory, "vocab.json"), source.Concat(target).Select(p => p.Piece));
        TokenizerJsonFile.WriteConfig(directory, "MarianTokenizer",
            ("eos_token", EndOfSentence), ("unk_token", Unknown), ("pad_token", Padding), ("model_max_length", 512));
        return vocabulary;
    }

    public static IReadOnlyDictionary<string, int> WriteVocabulary(string path, IEnumerable<string> pieces)
    {
        var ordered = pieces.Where(p => p is not (EndOfSentence or Unknown or Padding))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var vocabulary = new[] { EndOfSentence, Unknown }.Concat(ordered).Append(Padding)
            .Select((piece, id) => (piece, id)).ToDictionary();
        TokenizerJsonFile.Write(path, vocabulary);
        return vocabulary;
    }
}
