namespace Platform.Inference.Checkpoints;

/// <summary>Input and output names of optimum's ONNX exports.</summary>
internal static class OptimumNames
{
    public const string PixelValues = "pixel_values";
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string PositionIds = "position_ids";
    public const string EncoderHiddenStates = "encoder_hidden_states";
    public const string EncoderAttentionMask = "encoder_attention_mask";
    public const string UseCacheBranch = "use_cache_branch";
    public const string LastHiddenState = "last_hidden_state";
    public const string Logits = "logits";
    public const string PastPrefix = "past_key_values.";
    public const string PresentPrefix = "present.";
    public const string CrossAttentionMarker = ".encoder.";
}
