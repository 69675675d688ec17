using Platform.Inference.Execution;
using static Platform.Inference.Checkpoints.OptimumNames;

namespace Platform.Inference.Checkpoints;

/// <summary>A decoder session and what its declared inputs and outputs say about it.</summary>
internal sealed class DecoderModel
{
    private static readonly string[] KnownInputs =
        [InputIds, EncoderHiddenStates, EncoderAttentionMask, AttentionMask, PositionIds, UseCacheBranch];

    private DecoderModel(OnnxModel model, IReadOnlyList<PastEntry> past)
    {
        Model = model;
        Past = past;
    }

    public OnnxModel Model { get; }

    /// <summary>Past inputs in declaration order, with shapes read from the session metadata.</summary>
    public IReadOnlyList<PastEntry> Past { get; }

    public bool IsMerged => Model.HasInput(UseCacheBranch);

    public string FileName => Model.FileName;

    public static DecoderModel Inspect(OnnxModel model, string directory, ConfigValues shapes)
    {
        var file = model.FileName;
        if (!model.HasInput(InputIds))
        {
            throw new InvalidCheckpointException(
                directory, $"{file} inputs lack input_ids (inputs: {string.Join(", ", model.Inputs.Keys)})");
        }
        if (!model.HasOutput(Logits))
        {
            throw new InvalidCheckpointException(directory, $"{file} has no logits output");
        }
        var unknown = model.Inputs.Keys.FirstOrDefault(name => !KnownInputs.Contains(name) && !name.StartsWith(PastPrefix, StringComparison.Ordinal));
        if (unknown is not null)
        {
            throw new InvalidCheckpointException(directory, $"{file} has an input this engine cannot feed: {unknown}");
        }
        var past = model.Inputs
            .Where(input => input.Key.StartsWith(PastPrefix, StringComparison.Ordinal))
            .Select(input => ToPastEntry(input.Key, input.Value.Dimensions, input.Value.ElementDataType, shapes, directory, file))
            .ToList();
        return new DecoderModel(model, past);
    }

    public bool HasPresent(PastEntry entry) => Model.HasOutput(entry.OutputName);

    private static PastEntry ToPastEntry(
        string name, int[] dimensions, Microsoft.ML.OnnxRuntime.Tensors.TensorElementType type,
        ConfigValues shapes, string directory, string file)
    {
        if (dimensions.Length != 4)
        {
            throw new InvalidCheckpointException(directory, $"{file} input {name} has {dimensions.Length} dimensions, expected 4");
        }
        var heads = dimensions[1] > 0 ? dimensions[1] : ConfiguredHeads(shapes);
        var headDimension = dimensions[3] > 0 ? dimensions[3]
            : ConfiguredHidden(shapes) is { } hidden && heads is { } count ? hidden / count : (int?)null;
        if (heads is null || headDimension is null)
        {
            throw new InvalidCheckpointException(
                directory, $"{file} input {name} has dynamic heads or head size and config.json does not give them");
        }
        var present = PresentPrefix + name[PastPrefix.Length..];
        return new PastEntry(name, present, name.Contains(CrossAttentionMarker, StringComparison.Ordinal), type, heads.Value, headDimension.Value);
    }

    private static int? ConfiguredHeads(ConfigValues shapes) =>
        shapes.Int("decoder_attention_heads") ?? shapes.Int("num_attention_heads") ?? shapes.Int("n_head");

    private static int? ConfiguredHidden(ConfigValues shapes) =>
        shapes.Int("d_model") ?? shapes.Int("hidden_size") ?? shapes.Int("n_embd");
}
