namespace Platform.Inference.Tokenization;

/// <summary>Adds a post-processor's special tokens around every encoded text.</summary>
internal sealed class AffixedTokenizer(ITextTokenizer inner, int[] prefix, int[] suffix) : ITextTokenizer
{
    public int VocabularySize => inner.VocabularySize;

    public int[] Encode(string text, string? sourceLanguage = null) => [.. prefix, .. inner.Encode(text, sourceLanguage), .. suffix];

    public string Decode(ReadOnlySpan<int> ids) => inner.Decode(ids);

    public int? TokenToId(string token) => inner.TokenToId(token);
}
