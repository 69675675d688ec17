namespace Platform.Inference.Checkpoints;

/// <summary>The ONNX files of one variant (file suffix: "" for the default, "_fp16", "_quantized", …) of an optimum export.</summary>
internal sealed record CheckpointFiles(string Encoder, string? Decoder, string? DecoderWithPast, string? DecoderMerged)
{
    private const string EncoderStem = "encoder_model";

    public static CheckpointFiles Find(string directory, string? variant)
    {
        var suffix = string.IsNullOrEmpty(variant) ? "" : "_" + variant.TrimStart('_');
        string? Existing(string stem)
        {
            var path = Path.Combine(directory, stem + suffix + ".onnx");
            return File.Exists(path) ? path : null;
        }
        var encoder = Existing(EncoderStem) ?? throw new InvalidCheckpointException(
            directory, $"missing {EncoderStem}{suffix}.onnx (variants present: {Describe(Variants(directory))})");
        var files = new CheckpointFiles(encoder, Existing("decoder_model"), Existing("decoder_with_past_model"), Existing("decoder_model_merged"));
        if (files.Decoder is null && files.DecoderMerged is null)
        {
            throw new InvalidCheckpointException(directory, $"missing decoder_model{suffix}.onnx and decoder_model_merged{suffix}.onnx");
        }
        return files;
    }

    /// <summary>The variants present, by the suffixes of encoder_model*.onnx ("" is the default).</summary>
    public static IReadOnlyList<string> Variants(string directory) =>
        [.. Directory.EnumerateFiles(directory, EncoderStem + "*.onnx")
            .Select(path => Path.GetFileNameWithoutExtension(path)[EncoderStem.Length..].TrimStart('_'))
            .Order(StringComparer.Ordinal)];

    private static string Describe(IReadOnlyList<string> variants) =>
        variants.Count == 0 ? "none" : string.Join(", ", variants.Select(variant => variant.Length == 0 ? "default" : variant));
}
