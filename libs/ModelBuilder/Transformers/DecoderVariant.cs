namespace Platform.ModelBuilder.Transformers;

/// <summary>The three decoder files optimum exports.</summary>
public enum DecoderVariant
{
    /// <summary><c>decoder_model.onnx</c>: no cache inputs.</summary>
    NoPast,

    /// <summary><c>decoder_with_past_model.onnx</c>: <c>past_key_values.*</c> inputs.</summary>
    WithPast,

    /// <summary><c>decoder_model_merged.onnx</c>: both, chosen by <c>use_cache_branch</c>.</summary>
    Merged,
}
