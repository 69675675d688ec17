using Platform.Inference.Checkpoints;
using Platform.Inference.Tokenization;

namespace Platform.Workers.Generation;

/// <summary>
/// How each requested language is produced. A multilingual checkpoint has a token per language (mBART-50's
/// <c>de_DE</c>, also asked for as plain <c>de</c>), forced as the first token. A checkpoint without one (Marian en→de) has a single target, so it can
/// serve a request for exactly one language; when it declares its target, it serves the requested codes of that language
/// (and only those).
/// </summary>
public static class LanguageTargets
{
    /// <param name="declaredTarget">The pair checkpoint's declared target (tokenizer_config.json's target_lang); null when undeclared.</param>
    public static (IReadOnlyList<LanguageTarget> Supported, IReadOnlyList<string> Unsupported) Resolve(
        ITextTokenizer tokenizer, IReadOnlyList<string> languages, string? declaredTarget = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(languages);
        var tokens = languages.Select(language => (Language: language, Token: LanguageTokens.Resolve(tokenizer, language))).ToList();
        if (tokens.All(t => t.Token is null) && (declaredTarget is not null || tokens.Count == 1))
        {
            var served = tokens.Where(t => LanguagePair.Matches(declaredTarget, t.Language)).Select(t => t.Language).ToList();
            return ([.. served.Select(language => new LanguageTarget(language, null))], [.. languages.Except(served)]);
        }
        var supported = tokens.Where(t => t.Token is not null).Select(t => new LanguageTarget(t.Language, t.Token)).ToList();
        return (supported, [.. tokens.Where(t => t.Token is null).Select(t => t.Language)]);
    }
}
