using Platform.Contracts;
using Platform.Inference.Generation;

namespace Platform.Workers.Generation;

public static class GenerationOverridesMapping
{
    /// <summary>The job's overrides as engine options; null keeps every checkpoint default.</summary>
    public static GenerationOptions? ToOptions(this GenerationOverrides? overrides) => overrides is null ? null : new GenerationOptions
    {
        NumBeams = overrides.NumBeams,
        LengthPenalty = (float?)overrides.LengthPenalty,
        MaxLength = overrides.MaxLength,
        MaxNewTokens = overrides.MaxNewTokens,
        MinLength = overrides.MinLength,
        NoRepeatNgramSize = overrides.NoRepeatNgramSize,
        RepetitionPenalty = (float?)overrides.RepetitionPenalty,
    };
}
