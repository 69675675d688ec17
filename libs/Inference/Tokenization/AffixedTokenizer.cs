namespace Platform.Inference.Tokenization;

/// <summary>
/// Adds a post-processor's special tokens around every encoded text. A language code among the leading ones
/// (mBART-50's tokenizer.json saves its src_lang there) is replaced by the requested source language, as
/// transformers' set_src_lang_special_tokens does.
/// </summary>
internal sealed class AffixedTokenizer(ITextTokenizer inner, int[] prefix, int[] suffix, IReadOnlyDictionary<string, int> languageCodes) : ITextTokenizer
{
    private readonly HashSet<int> _languageIds = [.. languageCodes.Values];

    public int VocabularySize => inner.VocabularySize;

    public int[] Encode(string text, string? sourceLanguage = null) => [.. Prefix(sourceLanguage), .. inner.Encode(text), .. suffix];

    public string Decode(ReadOnlySpan<int> ids) => inner.Decode(ids);

    public int? TokenToId(string token) => inner.TokenToId(token);

    private int[] Prefix(string? sourceLanguage)
    {
        if (sourceLanguage is null || !prefix.Any(_languageIds.Contains))
        {
            return prefix;
        }

        var languageId = languageCodes.TryGetValue(sourceLanguage, out var id)
            ? id
            : throw new ArgumentException($"'{sourceLanguage}' is not one of this tokenizer's language codes.", nameof(sourceLanguage));
        return [.. prefix.Select(token => _languageIds.Contains(token) ? languageId : token)];
    }
}
