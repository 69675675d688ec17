using Platform.Inference.Checkpoints;
using Platform.Inference.Tokenization;

namespace Platform.Workers.Generation;

/// <summary>How each requested language is produced by a loaded checkpoint; the rule is <see cref="LanguageCapabilities.Resolve"/>.</summary>
public static class LanguageTargets
{
    /// <param name="declaredTarget">The pair checkpoint's declared target (tokenizer_config.json's target_lang); null when undeclared.</param>
    public static (IReadOnlyList<LanguageTarget> Supported, IReadOnlyList<string> Unsupported) Resolve(
        ITextTokenizer tokenizer, IReadOnlyList<string> languages, string? declaredTarget = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(languages);
        return LanguageCapabilities.Of(tokenizer, declaredTarget is null ? null : new LanguagePair(null, declaredTarget)).Resolve(languages);
    }
}
