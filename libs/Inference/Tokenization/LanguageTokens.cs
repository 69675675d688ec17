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
        return Resolve(token => tokenizer.TokenToId(token) is not null, language);
    }

    /// <param name="hasToken">Whether the checkpoint has a whole token (a live tokenizer, or the tokens recorded at registration).</param>
    public static string? Resolve(Func<string, bool> hasToken, string language)
    {
        ArgumentNullException.ThrowIfNull(hasToken);
        ArgumentNullException.ThrowIfNull(language);
        if (hasToken(language))
        {
            return language;
        }
        var candidates = Mbart50LanguageCodes.All
            .Where(code => code.StartsWith(language + "_", StringComparison.Ordinal) && hasToken(code))
            .Take(2)
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>The mBART-50 language codes the tokenizer has as whole tokens, in mBART-50's order.</summary>
    public static IReadOnlyList<string> Present(ITextTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return [.. Mbart50LanguageCodes.All.Where(code => tokenizer.TokenToId(code) is not null)];
    }
}
