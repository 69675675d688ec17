namespace Platform.Inference.Tokenization;

/// <summary>
/// Finds a checkpoint's token for a requested language. Users write plain ISO codes (<c>fr</c>) as often as
/// mBART codes (<c>fr_XX</c>): a plain code resolves to the one mBART-50 code of that language the tokenizer has.
/// </summary>
public static class LanguageTokens
{
    /// <returns>The token to force (e.g. <c>fr_XX</c>), or null when the tokenizer has none for the language.</returns>
    public static string? Resolve(ITextTokenizer tokenizer, string language)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(language);
        if (tokenizer.TokenToId(language) is not null)
        {
            return language;
        }
        var candidates = Mbart50LanguageCodes.All
            .Where(code => code.StartsWith(language + "_", StringComparison.Ordinal) && tokenizer.TokenToId(code) is not null)
            .Take(2)
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
