using Platform.Data.Entities;
using LanguageCapabilities = Platform.Inference.Checkpoints.LanguageCapabilities;
using LanguagePair = Platform.Inference.Checkpoints.LanguagePair;

namespace Platform.Api.Services;

/// <summary>
/// Refuses a job whose checkpoint cannot produce a requested language, by the rule the worker applies per item
/// (<see cref="LanguageCapabilities.Resolve"/>), so the user learns it at creation rather than after the whole job ran.
/// </summary>
internal static class CheckpointLanguages
{
    /// <summary>What registration recorded; null for a checkpoint registered before languages were recorded.</summary>
    public static LanguageCapabilities? Of(Checkpoint checkpoint) => checkpoint.LanguageTokens is null
        ? null
        : new LanguageCapabilities(
            checkpoint.LanguageTokens,
            checkpoint.SourceLanguage is null && checkpoint.TargetLanguage is null ? null : new LanguagePair(checkpoint.SourceLanguage, checkpoint.TargetLanguage));

    /// <param name="source">The language a translation reads; null for captions.</param>
    /// <returns>Why the checkpoint cannot serve the request, or null when it can (or nothing was recorded).</returns>
    public static string? Refusal(Checkpoint checkpoint, IReadOnlyList<string> targets, string? source)
    {
        if (Of(checkpoint) is not { } languages)
        {
            return null;
        }
        var name = $"Checkpoint {checkpoint.Id} ('{checkpoint.Name}')";
        if (checkpoint.Task == CheckpointTask.TextToText && source is not null && !languages.TranslatesFrom(source))
        {
            return $"{name} translates {Direction(languages.Pair!)} only; it cannot translate from '{source}'.";
        }
        var refused = languages.Resolve(targets).Unsupported;
        if (refused.Count == 0)
        {
            return null;
        }
        var quoted = string.Join(", ", refused.Select(language => $"'{language}'"));
        return languages switch
        {
            { Tokens.Count: > 0 } => $"{name} cannot produce {quoted}: it has language tokens for {string.Join(", ", languages.Tokens)}"
                + (languages.PlainCodes.Count > 0 ? $" (asked for as {string.Join(", ", languages.PlainCodes)} too)." : "."),
            { Pair.Target: not null } when checkpoint.Task == CheckpointTask.TextToText =>
                $"{name} translates {Direction(languages.Pair)} only; it cannot translate into {quoted}.",
            { Pair.Target: { } target } => $"{name} produces '{target}' only; it cannot produce {quoted}.",
            _ => $"{name} has no language tokens, so it produces a single language: ask for one language per job, not {quoted}.",
        };
    }

    private static string Direction(LanguagePair pair) => $"{pair.Source ?? "any language"}→{pair.Target ?? "its one target"}";
}
