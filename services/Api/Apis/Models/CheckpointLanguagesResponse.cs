using Platform.Api.Services;
using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

/// <param name="Tokens">The language tokens the tokenizer has (e.g. <c>de_DE</c>); empty when it serves a single target language.</param>
/// <param name="PlainCodes">Plain codes also accepted for those tokens (<c>de</c> for <c>de_DE</c>).</param>
/// <param name="SourceLanguage">The source a pair checkpoint declares; null when undeclared.</param>
/// <param name="TargetLanguage">The target a pair checkpoint declares; null when undeclared.</param>
public sealed record CheckpointLanguagesResponse(IReadOnlyList<string> Tokens, IReadOnlyList<string> PlainCodes, string? SourceLanguage, string? TargetLanguage)
{
    public static CheckpointLanguagesResponse? From(Checkpoint checkpoint) =>
        CheckpointLanguages.Of(checkpoint) is { } languages
            ? new(languages.Tokens, languages.PlainCodes, languages.Pair?.Source, languages.Pair?.Target)
            : null;
}
