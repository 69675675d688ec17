namespace Platform.Contracts;

/// <summary>Per-job decoding settings; null keeps the checkpoint's generation_config.json value.</summary>
public sealed record GenerationOverrides(
    int? NumBeams = null,
    double? LengthPenalty = null,
    int? MaxLength = null,
    int? MaxNewTokens = null,
    int? MinLength = null,
    int? NoRepeatNgramSize = null,
    double? RepetitionPenalty = null);
