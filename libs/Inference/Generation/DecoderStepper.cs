using Microsoft.ML.OnnxRuntime;
using Platform.Inference.Checkpoints;
using Platform.Inference.Execution;
using static Platform.Inference.Checkpoints.OptimumNames;

namespace Platform.Inference.Generation;

/// <summary>
/// Runs the decoder one step for a set of rows (batch items × beams), each row attending to one encoder
/// row, and returns the next-token logits of every row ([rows × vocabulary]). Rows may only be dropped
/// (finished items) or reordered (beams) from one step to the next.
/// </summary>
internal abstract class DecoderStepper : IDisposable
{
    private readonly EncoderOutput encoder;
    private readonly int sourceLength;
    private int[] encoderRows = [];
    private OrtValue? hiddenStates;
    private long[] encoderMask = [];

    protected DecoderStepper(EncoderOutput encoder, int[] encoderRows)
    {
        this.encoder = encoder;
        sourceLength = (int)encoder.HiddenStates.GetTensorTypeAndShape().Shape[1];
        Bind(encoderRows);
    }

    public int Rows => encoderRows.Length;

    /// <param name="sequences">Every row's tokens so far, all of one length.</param>
    /// <param name="parents">For each row, the row of the previous step it continues: beam reordering,
    /// and fewer rows once items finish.</param>
    public abstract float[] Step(int[][] sequences, int[] parents, CancellationToken cancellationToken);

    public virtual void Dispose() => hiddenStates?.Dispose();

    /// <summary>Follows the rows to their new places; true when rows were dropped.</summary>
    protected bool Follow(int[] parents)
    {
        if (parents.Length == Rows)
        {
            return false;
        }
        Bind([.. parents.Select(parent => encoderRows[parent])]);
        return true;
    }

    protected static bool IsIdentity(int[] parents) =>
        parents.Select((parent, row) => parent == row).All(same => same);

    private void Bind(int[] rows)
    {
        hiddenStates?.Dispose();
        encoderRows = rows;
        hiddenStates = Tensors.GatherRows(encoder.HiddenStates, rows);
        encoderMask = new long[rows.Length * sourceLength];
        for (var row = 0; row < rows.Length; row++)
        {
            var destination = encoderMask.AsSpan(row * sourceLength, sourceLength);
            if (encoder.Mask is null)
            {
                destination.Fill(1);
            }
            else
            {
                encoder.Mask.AsSpan(rows[row] * sourceLength, sourceLength).CopyTo(destination);
            }
        }
    }

    /// <summary>Binds input_ids (from <paramref name="start"/>) and whichever context inputs the decoder declares.</summary>
    protected void BindCommon(NamedInputs inputs, DecoderModel decoder, int[][] sequences, int start)
    {
        var length = sequences[0].Length;
        var newTokens = length - start;
        var ids = new long[Rows * newTokens];
        for (var row = 0; row < Rows; row++)
        {
            for (var position = start; position < length; position++)
            {
                ids[(row * newTokens) + position - start] = sequences[row][position];
            }
        }
        var model = decoder.Model;
        inputs.Own(InputIds, Tensors.Integers(model.InputType(InputIds), ids, [Rows, newTokens]));
        if (model.HasInput(EncoderHiddenStates))
        {
            inputs.Borrow(EncoderHiddenStates, hiddenStates!);
        }
        if (model.HasInput(EncoderAttentionMask))
        {
            inputs.Own(EncoderAttentionMask, Tensors.Integers(model.InputType(EncoderAttentionMask), encoderMask, [Rows, sourceLength]));
        }
        if (model.HasInput(AttentionMask))
        {
            var ones = new long[Rows * length];
            Array.Fill(ones, 1);
            inputs.Own(AttentionMask, Tensors.Integers(model.InputType(AttentionMask), ones, [Rows, length]));
        }
        if (model.HasInput(PositionIds))
        {
            var positions = new long[Rows * newTokens];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = start + (i % newTokens);
            }
            inputs.Own(PositionIds, Tensors.Integers(model.InputType(PositionIds), positions, [Rows, newTokens]));
        }
    }

    /// <summary>The merged decoder's no-cache branch still declares the past inputs: feed them zero-length.</summary>
    protected void BindEmptyPast(NamedInputs inputs, DecoderModel decoder)
    {
        if (!decoder.IsMerged)
        {
            return;
        }
        inputs.Own(UseCacheBranch, Tensors.Flag(false));
        foreach (var entry in decoder.Past)
        {
            inputs.Own(entry.InputName, Tensors.Allocate(entry.Type, entry.EmptyShape(Rows)));
        }
    }
}
