using Platform.Inference.Execution;
using static Platform.Inference.Checkpoints.OptimumNames;

namespace Platform.Inference.Checkpoints;

/// <summary>The encoder session: pixel_values (images) or input_ids + attention_mask (text).</summary>
internal sealed class EncoderModel
{
    private readonly string outputName;

    private EncoderModel(OnnxModel model, CheckpointKind kind, string outputName)
    {
        Model = model;
        Kind = kind;
        this.outputName = outputName;
    }

    public OnnxModel Model { get; }

    public CheckpointKind Kind { get; }

    public static EncoderModel Inspect(OnnxModel model, string directory)
    {
        var file = model.FileName;
        var kind = model.HasInput(PixelValues) ? CheckpointKind.ImageToText
            : model.HasInput(InputIds) ? CheckpointKind.TextToText
            : throw new InvalidCheckpointException(
                directory, $"{file} has neither pixel_values nor input_ids inputs (inputs: {string.Join(", ", model.Inputs.Keys)})");
        var unknown = model.Inputs.Keys.FirstOrDefault(name => name is not (PixelValues or InputIds or AttentionMask));
        if (unknown is not null)
        {
            throw new InvalidCheckpointException(directory, $"{file} has an input this engine cannot feed: {unknown}");
        }
        var output = model.HasOutput(LastHiddenState) ? LastHiddenState : model.Outputs.Keys.First();
        return new EncoderModel(model, kind, output);
    }

    /// <summary>input_ids' declared sequence length when the export fixed it; null when dynamic or not a text encoder.</summary>
    public int? FixedSourceLength => Kind == CheckpointKind.TextToText && Model.Inputs[InputIds].Dimensions is [_, > 0 and var length] ? length : null;

    /// <summary>Fixed [channels, height, width] of pixel_values where the model declares them (0 when dynamic).</summary>
    public int[] ImageDimensions => Model.Inputs[PixelValues].Dimensions[1..];

    public EncoderOutput EncodePixels(float[] pixels, int count, int channels, int height, int width, CancellationToken cancellationToken)
    {
        using var inputs = new NamedInputs();
        inputs.Own(PixelValues, Tensors.Floats(Model.InputType(PixelValues), pixels, [count, channels, height, width]));
        return Run(inputs, null, 0, cancellationToken);
    }

    /// <summary>Right-pads the token sequences with <paramref name="padTokenId"/> and masks the padding.</summary>
    public EncoderOutput EncodeTokens(IReadOnlyList<int[]> sequences, int padTokenId, CancellationToken cancellationToken)
    {
        var length = sequences.Max(sequence => sequence.Length);
        var ids = new long[sequences.Count * length];
        var mask = new long[ids.Length];
        for (var row = 0; row < sequences.Count; row++)
        {
            for (var position = 0; position < length; position++)
            {
                var inside = position < sequences[row].Length;
                ids[(row * length) + position] = inside ? sequences[row][position] : padTokenId;
                mask[(row * length) + position] = inside ? 1 : 0;
            }
        }
        using var inputs = new NamedInputs();
        long[] shape = [sequences.Count, length];
        inputs.Own(InputIds, Tensors.Integers(Model.InputType(InputIds), ids, shape));
        if (Model.HasInput(AttentionMask))
        {
            inputs.Own(AttentionMask, Tensors.Integers(Model.InputType(AttentionMask), mask, shape));
        }
        return Run(inputs, mask, length, cancellationToken);
    }

    private EncoderOutput Run(NamedInputs inputs, long[]? mask, int sourceLength, CancellationToken cancellationToken)
    {
        var outputs = Model.Run(inputs, [outputName], cancellationToken);
        return new EncoderOutput(outputs, outputs[0], mask, sourceLength);
    }
}
