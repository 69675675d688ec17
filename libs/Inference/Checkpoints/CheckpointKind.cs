namespace Platform.Inference.Checkpoints;

public enum CheckpointKind
{
    /// <summary>Encoder takes <c>pixel_values</c> (VisionEncoderDecoder).</summary>
    ImageToText,

    /// <summary>Encoder takes <c>input_ids</c> and <c>attention_mask</c> (Marian, mBART).</summary>
    TextToText,
}
