using Platform.Inference.Tokenization;

namespace Platform.Workers.Generation;

/// <summary>
/// How each requested language is produced. A multilingual checkpoint has a token per language (mBART-50's
/// <c>de_DE</c>), forced as the first token. A checkpoint without one (Marian en→de) has a single target, so it can
/// serve a request for exactly one language; any other request is unsupported.
/// </summary>
public static class LanguageTargets
{
    public static (IReadOnlyList<LanguageTarget> Supported, IReadOnlyList<string> Unsupported) Resolve(ITextTokenizer tokenizer, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(languages);
        if (languages.Count == 1 && tokenizer.TokenToId(languages[0]) is null)
        {
            return ([new LanguageTarget(languages[0], null)], []);
        }
        var supported = languages.Where(language => tokenizer.TokenToId(language) is not null).Select(language => new LanguageTarget(language, language)).ToList();
        return (supported, [.. languages.Where(language => tokenizer.TokenToId(language) is null)]);
    }
}
