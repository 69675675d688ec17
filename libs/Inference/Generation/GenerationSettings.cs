using System.Text.Json;
using Platform.Inference.Checkpoints;

namespace Platform.Inference.Generation;

/// <summary>
/// Resolved decoding parameters: job overrides, then generation_config.json, then config.json (and its
/// nested decoder config), then transformers' defaults.
/// </summary>
public sealed record GenerationSettings
{
    public required int NumBeams { get; init; }

    public required float LengthPenalty { get; init; }

    public required EarlyStopping EarlyStopping { get; init; }

    /// <summary>Total decoder length including the decoder start token.</summary>
    public required int MaxLength { get; init; }

    /// <summary>EOS is masked while the sequence (including the start token) is shorter than this.</summary>
    public required int MinLength { get; init; }

    public required int NoRepeatNgramSize { get; init; }

    public required float RepetitionPenalty { get; init; }

    public required int NumReturnSequences { get; init; }

    public required int DecoderStartTokenId { get; init; }

    public required IReadOnlyList<int> EosTokenIds { get; init; }

    public required int PadTokenId { get; init; }

    /// <summary>The checkpoint's own forced first token; a requested language replaces it.</summary>
    public int? ForcedBosTokenId { get; init; }

    public int? ForcedEosTokenId { get; init; }

    public required IReadOnlyList<int[]> BadWordsIds { get; init; }

    /// <summary>transformers' <c>renormalize_logits</c>: log-softmax again after the processors.</summary>
    public bool RenormalizeLogits { get; init; }

    internal static GenerationSettings Resolve(ConfigValues defaults, GenerationOptions overrides, string directory)
    {
        var eos = defaults.Ints("eos_token_id") ?? [];
        var start = overrides.DecoderStartTokenId ?? defaults.Int("decoder_start_token_id") ?? defaults.Int("bos_token_id")
            ?? throw new InvalidCheckpointException(directory, "config.json has no decoder_start_token_id or bos_token_id");
        var settings = new GenerationSettings
        {
            NumBeams = overrides.NumBeams ?? defaults.Int("num_beams") ?? 1,
            LengthPenalty = overrides.LengthPenalty ?? defaults.Float("length_penalty") ?? 1f,
            EarlyStopping = overrides.EarlyStopping ?? ParseEarlyStopping(defaults.Find("early_stopping")),
            MaxLength = ResolveMaxLength(defaults, overrides),
            MinLength = overrides.MinLength ?? defaults.Int("min_length") ?? 0,
            NoRepeatNgramSize = overrides.NoRepeatNgramSize ?? defaults.Int("no_repeat_ngram_size") ?? 0,
            RepetitionPenalty = overrides.RepetitionPenalty ?? defaults.Float("repetition_penalty") ?? 1f,
            NumReturnSequences = overrides.NumReturnSequences ?? defaults.Int("num_return_sequences") ?? 1,
            DecoderStartTokenId = start,
            EosTokenIds = eos,
            PadTokenId = defaults.Int("pad_token_id") ?? (eos.Length > 0 ? eos[0] : 0),
            ForcedBosTokenId = defaults.Int("forced_bos_token_id"),
            ForcedEosTokenId = overrides.ForcedEosTokenId ?? defaults.Int("forced_eos_token_id"),
            BadWordsIds = overrides.BadWordsIds ?? defaults.IntLists("bad_words_ids") ?? [],
            RenormalizeLogits = defaults.Find("renormalize_logits")?.ValueKind == JsonValueKind.True,
        };
        settings.Validate();
        return settings;
    }

    private void Validate()
    {
        if (NumBeams < 1)
        {
            throw new ArgumentException($"num_beams must be at least 1, got {NumBeams}.");
        }
        if (NumReturnSequences < 1 || NumReturnSequences > NumBeams)
        {
            throw new ArgumentException(
                $"num_return_sequences must be between 1 and num_beams ({NumBeams}), got {NumReturnSequences}.");
        }
        if (MaxLength < 2)
        {
            throw new ArgumentException($"max_length must leave room for one generated token, got {MaxLength}.");
        }
        if (MinLength < 0 || NoRepeatNgramSize < 0 || RepetitionPenalty <= 0)
        {
            throw new ArgumentException("min_length and no_repeat_ngram_size must be >= 0 and repetition_penalty > 0.");
        }
    }

    // A job's max_length replaces the checkpoint's max_new_tokens: the job asked for a total length.
    private static int ResolveMaxLength(ConfigValues defaults, GenerationOptions overrides) =>
        overrides.MaxNewTokens is { } newTokens ? 1 + newTokens
        : overrides.MaxLength ?? (defaults.Int("max_new_tokens") is { } configured ? 1 + configured
        : defaults.Int("max_length") ?? 20);

    private static EarlyStopping ParseEarlyStopping(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => EarlyStopping.True,
        { ValueKind: JsonValueKind.String } text when text.GetString() == "never" => EarlyStopping.Never,
        _ => EarlyStopping.False,
    };
}
