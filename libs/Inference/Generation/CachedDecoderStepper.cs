using Microsoft.ML.OnnxRuntime;
using Platform.Inference.Checkpoints;
using Platform.Inference.Execution;

namespace Platform.Inference.Generation;

/// <summary>
/// KV cache: the first step runs the whole prefix and keeps every present; later steps feed one token
/// and the past. The self-attention past follows the beams every step; the cross-attention past of the
/// first step is kept (the merged decoder's with-past branch returns only placeholders for it) and
/// gathered only when finished items drop out: beams move within their own item, whose encoder rows
/// are identical.
/// </summary>
internal sealed class CachedDecoderStepper(DecoderPlan plan, EncoderOutput encoder, int[] encoderRows)
    : DecoderStepper(encoder, encoderRows)
{
    private readonly DecoderModel next = plan.Next ?? throw new ArgumentException("The plan has no cached decoder.", nameof(plan));
    private readonly Dictionary<string, OrtValue> past = [];
    private readonly Dictionary<string, OrtValue> gathered = [];
    private IDisposableReadOnlyCollection<OrtValue>? firstOutputs;
    private IDisposableReadOnlyCollection<OrtValue>? lastOutputs;

    public override float[] Step(int[][] sequences, int[] parents, CancellationToken cancellationToken) =>
        firstOutputs is null ? First(sequences, cancellationToken) : Next(sequences, parents, cancellationToken);

    public override void Dispose()
    {
        foreach (var value in gathered.Values)
        {
            value.Dispose();
        }
        ReleaseLastOutputs();
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
        var dropped = Follow(parents);
        if (dropped || !IsIdentity(parents))
        {
            Gather(dropped ? next.Past : selfAttention, parents);
        }
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
            var name = selfAttention[i].InputName;
            past[name] = outputs[i + 1];
            if (gathered.Remove(name, out var input))
            {
                input.Dispose();
            }
        }
        ReleaseLastOutputs();
        lastOutputs = outputs;
        return Tensors.ReadPosition(outputs[0], 0);
    }

    private void Gather(IEnumerable<PastEntry> entries, int[] parents)
    {
        foreach (var entry in entries)
        {
            var name = entry.InputName;
            past[name] = Tensors.GatherRows(past[name], parents);
            if (gathered.Remove(name, out var previous))
            {
                previous.Dispose();
            }
            gathered[name] = past[name];
        }
    }

    private void ReleaseLastOutputs()
    {
        if (!ReferenceEquals(lastOutputs, firstOutputs))
        {
            lastOutputs?.Dispose();
        }
        lastOutputs = null;
    }
}
