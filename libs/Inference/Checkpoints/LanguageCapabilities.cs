using Platform.Inference.Tokenization;

namespace Platform.Inference.Checkpoints;

/// <summary>
/// The languages a checkpoint can produce, and the one rule deciding which requested languages it serves: the worker
/// builds it from the live tokenizer, the Api from what registration recorded, so a job is refused at creation for
/// exactly the languages its items would fail with. A multilingual checkpoint has a token per language (mBART-50's
/// <c>de_DE</c>, also asked for as plain <c>de</c>), forced as the first token. A checkpoint without one (Marian en→de)
/// has a single target, so it serves a request for exactly one language; when it declares its target, it serves the
/// requested codes of that language (and only those).
/// </summary>
/// <param name="Tokens">The language codes the tokenizer has as whole tokens; empty when it has none.</param>
/// <param name="Pair">The direction a pair checkpoint declares in tokenizer_config.json; null when undeclared.</param>
public sealed record LanguageCapabilities(IReadOnlyList<string> Tokens, LanguagePair? Pair)
{
    public static LanguageCapabilities Of(ITextTokenizer tokenizer, LanguagePair? pair) => new(LanguageTokens.Present(tokenizer), pair);

    /// <summary>The token forced for <paramref name="language"/>; null when the checkpoint has none for it.</summary>
    public string? TokenFor(string language) => LanguageTokens.Resolve(Tokens.Contains, language);

    /// <summary>Plain codes that resolve to one of <see cref="Tokens"/> (<c>de</c> for <c>de_DE</c>).</summary>
    public IReadOnlyList<string> PlainCodes =>
        [.. Tokens.Select(token => token.Split('_')[0]).Distinct().Where(code => !Tokens.Contains(code) && TokenFor(code) is not null)];

    /// <summary>Whether a translation from <paramref name="source"/> is served: anything unless the checkpoint declares its source.</summary>
    public bool TranslatesFrom(string source) => LanguagePair.Matches(Pair?.Source, source);

    public (IReadOnlyList<LanguageTarget> Supported, IReadOnlyList<string> Unsupported) Resolve(IReadOnlyList<string> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var tokens = requested.Select(language => (Language: language, Token: TokenFor(language))).ToList();
        var declaredTarget = Pair?.Target;
        // Without language tokens there is one target; a multilingual checkpoint lacking a language cannot fall back on it.
        if (Tokens.Count == 0 && (declaredTarget is not null || tokens.Count == 1))
        {
            var served = tokens.Where(t => LanguagePair.Matches(declaredTarget, t.Language)).Select(t => t.Language).ToList();
            return ([.. served.Select(language => new LanguageTarget(language, null))], [.. requested.Except(served)]);
        }
        var supported = tokens.Where(t => t.Token is not null).Select(t => new LanguageTarget(t.Language, t.Token)).ToList();
        return (supported, [.. tokens.Where(t => t.Token is null).Select(t => t.Language)]);
    }
}
