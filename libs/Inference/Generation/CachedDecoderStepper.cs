using Microsoft.ML.OnnxRuntime;
using Platform.Inference.Checkpoints;
using Platform.Inference.Execution;

namespace Platform.Inference.Generation;

/// <summary>
/// KV cache: the first step runs the whole prefix and keeps every present; later steps feed one token
/// and the self-attention past (reordered to follow the beams). The cross-attention past of the first
/// step is kept as is: beams only move within their own batch item, whose encoder rows are identical,
/// and the merged decoder's with-past branch returns only placeholders for it.
/// </summary>
internal sealed class CachedDecoderStepper(DecoderPlan plan, EncoderOutput encoder, int[] encoderRows)
    : DecoderStepper(encoder, encoderRows)
{
    private readonly DecoderModel next = plan.Next ?? throw new ArgumentException("The plan has no cached decoder.", nameof(plan));
    private readonly Dictionary<string, OrtValue> past = [];
    private List<OrtValue> reordered = [];
    private IDisposableReadOnlyCollection<OrtValue>? firstOutputs;
    private IDisposableReadOnlyCollection<OrtValue>? lastOutputs;

    public override float[] Step(int[][] sequences, int[] parents, CancellationToken cancellationToken) =>
        firstOutputs is null ? First(sequences, cancellationToken) : Next(sequences, parents, cancellationToken);

    public override void Dispose()
    {
        DisposeReordered();
        if (!ReferenceEquals(lastOutputs, firstOutputs))
        {
            lastOutputs?.Dispose();
        }
        firstOutputs?.Dispose();
        base.Dispose();
    }

    private float[] First(int[][] sequences, CancellationToken cancellationToken)
    {
        var first = plan.First;
        using var inputs = new NamedInputs();
        BindCommon(inputs, first, sequences, 0);
        BindEmptyPast(inputs, first);
        string[] names = [OptimumNames.Logits, .. next.Past.Select(entry => entry.OutputName)];
        var outputs = first.Model.Run(inputs, names, cancellationToken);
        firstOutputs = lastOutputs = outputs;
        for (var i = 0; i < next.Past.Count; i++)
        {
            past[next.Past[i].InputName] = outputs[i + 1];
        }
        return Tensors.ReadPosition(outputs[0], sequences[0].Length - 1);
    }

    private float[] Next(int[][] sequences, int[] parents, CancellationToken cancellationToken)
    {
        var selfAttention = next.Past.Where(entry => !entry.IsCrossAttention).ToList();
        Reorder(selfAttention, parents);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        using (var inputs = new NamedInputs())
        {
            BindCommon(inputs, next, sequences, sequences[0].Length - 1);
            if (next.IsMerged)
            {
                inputs.Own(OptimumNames.UseCacheBranch, Tensors.Flag(true));
            }
            foreach (var entry in next.Past)
            {
                inputs.Borrow(entry.InputName, past[entry.InputName]);
            }
            string[] names = [OptimumNames.Logits, .. selfAttention.Select(entry => entry.OutputName)];
            outputs = next.Model.Run(inputs, names, cancellationToken);
        }
        for (var i = 0; i < selfAttention.Count; i++)
        {
            past[selfAttention[i].InputName] = outputs[i + 1];
        }
        DisposeReordered();
        if (!ReferenceEquals(lastOutputs, firstOutputs))
        {
            lastOutputs?.Dispose();
        }
        lastOutputs = outputs;
        return Tensors.ReadPosition(outputs[0], 0);
    }

    private void Reorder(List<PastEntry> selfAttention, int[] parents)
    {
        if (parents.Select((parent, row) => parent == row).All(same => same))
        {
            return;
        }
        var gathered = new List<OrtValue>(selfAttention.Count);
        foreach (var entry in selfAttention)
        {
            var value = Tensors.GatherRows(past[entry.InputName], parents);
            gathered.Add(value);
            past[entry.InputName] = value;
        }
        DisposeReordered();
        reordered = gathered;
    }

    private void DisposeReordered()
    {
        foreach (var value in reordered)
        {
            value.Dispose();
        }
        reordered = [];
    }
}
