namespace Platform.Inference.Checkpoints;

/// <summary>Which decoder files generation uses.</summary>
public enum CacheMode
{
    /// <summary>decoder_model_merged if present, else decoder_with_past + decoder_model, else no cache.</summary>
    Auto,

    /// <summary>Recompute the whole prefix every step (decoder_model, or the merged decoder's no-cache branch).</summary>
    None,

    /// <summary>decoder_model for the first step, decoder_with_past_model afterwards.</summary>
    WithPast,

    /// <summary>decoder_model_merged with <c>use_cache_branch</c>.</summary>
    Merged,
}
