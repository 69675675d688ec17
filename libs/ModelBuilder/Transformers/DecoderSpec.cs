namespace Platform.ModelBuilder.Transformers;

/// <summary>
/// Shape and cache naming of a random decoder. <paramref name="Seq2Seq"/> selects the Marian/BART
/// contract (<c>encoder_attention_mask</c>, <c>.decoder.</c>/<c>.encoder.</c> caches) over the
/// GPT-2-in-VisionEncoderDecoder one (self-attention cache only).
/// </summary>
public sealed record DecoderSpec(int Layers, int Heads, int Hidden, int Vocabulary, int MaxPositions, bool Seq2Seq)
{
    public int HeadSize => Hidden / Heads;

    public string SelfCache(string prefix, int layer, string kind) =>
        Seq2Seq ? $"{prefix}.{layer}.decoder.{kind}" : $"{prefix}.{layer}.{kind}";

    public static string CrossCache(string prefix, int layer, string kind) => $"{prefix}.{layer}.encoder.{kind}";
}
