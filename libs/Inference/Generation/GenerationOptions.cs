namespace Platform.Inference.Generation;

/// <summary>Per-job overrides of the checkpoint's generation defaults; null keeps the default.</summary>
public sealed record GenerationOptions
{
    public static readonly GenerationOptions Default = new();

    public int? NumBeams { get; init; }

    public float? LengthPenalty { get; init; }

    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Total decoder length including the decoder start token, as transformers counts it.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Takes precedence over <see cref="MaxLength"/>.</summary>
    public int? MaxNewTokens { get; init; }

    public int? MinLength { get; init; }

    public int? NoRepeatNgramSize { get; init; }

    public float? RepetitionPenalty { get; init; }

    public int? NumReturnSequences { get; init; }

    public int? ForcedEosTokenId { get; init; }

    public int? DecoderStartTokenId { get; init; }

    public IReadOnlyList<int[]>? BadWordsIds { get; init; }
}
