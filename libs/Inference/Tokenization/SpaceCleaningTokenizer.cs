namespace Platform.Inference.Tokenization;

/// <summary>
/// Decoding as transformers does when tokenizer_config.json sets <c>clean_up_tokenization_spaces</c>:
/// the spaces its clean_up_tokenization removes before punctuation and English contractions go.
/// </summary>
internal sealed class SpaceCleaningTokenizer(ITextTokenizer inner) : ITextTokenizer
{
    private static readonly (string From, string To)[] Replacements =
    [
        (" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"),
        (" n't", "n't"), (" 'm", "'m"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re"),
    ];

    public int VocabularySize => inner.VocabularySize;

    public int[] Encode(string text, string? sourceLanguage = null) => inner.Encode(text, sourceLanguage);

    public string Decode(ReadOnlySpan<int> ids) =>
        Replacements.Aggregate(inner.Decode(ids), (text, r) => text.Replace(r.From, r.To, StringComparison.Ordinal));

    public int? TokenToId(string token) => inner.TokenToId(token);
}
