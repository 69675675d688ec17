using Platform.Inference.Checkpoints;
using Platform.Inference.Execution;

namespace Platform.Inference.Generation;

/// <summary>No KV cache: recomputes the whole prefix every step.</summary>
internal sealed class FullDecoderStepper(DecoderModel decoder, EncoderOutput encoder, int[] encoderRows)
    : DecoderStepper(encoder, encoderRows)
{
    public override float[] Step(int[][] sequences, int[] parents, CancellationToken cancellationToken)
    {
        Follow(parents);
        using var inputs = new NamedInputs();
        BindCommon(inputs, decoder, sequences, 0);
        BindEmptyPast(inputs, decoder);
        using var outputs = decoder.Model.Run(inputs, [OptimumNames.Logits], cancellationToken);
        return Tensors.ReadPosition(outputs[0], sequences[0].Length - 1);
    }
}
