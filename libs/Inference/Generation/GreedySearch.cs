namespace Platform.Inference.Generation;

/// <summary>
/// transformers' greedy decoding: processors on the raw logits, argmax, until EOS or max_length. A
/// finished row leaves the batch instead of being fed pad tokens; the others' tokens are the same.
/// </summary>
internal static class GreedySearch
{
    public static GeneratedSequence[][] Run(
        Func<int[], DecoderStepper> createStepper, IReadOnlyList<SearchItem> items, GenerationSettings settings,
        CancellationToken cancellationToken)
    {
        using var stepper = createStepper([.. items.Select(item => item.EncoderRow)]);
        var processor = new LogitsProcessor(settings);
        var sequences = items.Select(_ => new[] { settings.DecoderStartTokenId }).ToArray();
        var sums = new float[items.Count];
        var active = Enumerable.Range(0, items.Count).ToArray();
        var parents = active;
        while (active.Length > 0 && sequences[active[0]].Length < settings.MaxLength)
        {
            var logits = stepper.Step([.. active.Select(item => sequences[item])], parents, cancellationToken);
            var vocabulary = logits.Length / active.Length;
            var survivors = new List<int>(active.Length);
            for (var row = 0; row < active.Length; row++)
            {
                var item = active[row];
                var scores = logits.AsSpan(row * vocabulary, vocabulary);
                processor.Process(scores, sequences[item], items[item].ForcedBosTokenId);
                var token = LogSoftmax.ArgMax(scores);
                sums[item] += scores[token] - LogSoftmax.LogSumExp(scores);
                sequences[item] = [.. sequences[item], token];
                if (!settings.EosTokenIds.Contains(token))
                {
                    survivors.Add(row);
                }
            }
            parents = [.. survivors];
            active = [.. survivors.Select(row => active[row])];
        }
        return [.. sequences.Select((ids, item) =>
            new[] { new GeneratedSequence(ids, sums[item] / Math.Pow(ids.Length - 1, settings.LengthPenalty)) })];
    }
}
