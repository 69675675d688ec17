namespace Platform.ModelBuilder.Checkpoints;

/// <summary>The special token ids a checkpoint's config.json and generation_config.json carry.</summary>
public sealed record SpecialTokens(int Bos, int Eos, int Pad, int DecoderStart)
{
    /// <summary>Marian's generation forbids its pad token (<c>bad_words_ids</c>) and forces <c>&lt;/s&gt;</c> at max length.</summary>
    public bool MarianStyle { get; init; }
}
