namespace Platform.Inference.Tokenization;

/// <summary>A SentencePiece model whose piece ids are the model's ids (tokenizer.json's Unigram).</summary>
internal sealed class SentencePieceIdTokenizer(SentencePieceModelFile model, IReadOnlyDictionary<string, int> specialTokens) : ITextTokenizer
{
    private readonly HashSet<int> _skipped = [.. specialTokens.Values, model.UnknownId];

    public int VocabularySize { get; } = Math.Max(model.PieceCount, specialTokens.Values.DefaultIfEmpty(-1).Max() + 1);

    public int[] Encode(string text, string? sourceLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. model.Tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false)];
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var kept = new List<int>(ids.Length);
        foreach (var id in ids)
        {
            TokenIds.CheckRange(id, VocabularySize);
            if (!_skipped.Contains(id) && id < model.PieceCount)
            {
                kept.Add(id);
            }
        }

        return model.Tokenizer.Decode(kept, considerSpecialTokens: false);
    }

    public int? TokenToId(string token) =>
        specialTokens.TryGetValue(token, out var id) || model.Tokenizer.Vocabulary.TryGetValue(token, out id) ? id : null;
}
