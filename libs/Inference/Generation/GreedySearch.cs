namespace Platform.Inference.Generation;

/// <summary>
/// transformers' greedy decoding: processors on the raw logits, argmax; a finished row gets pad tokens
/// until every row is finished or max_length is reached.
/// </summary>
internal static class GreedySearch
{
    public static GeneratedSequence[][] Run(
        Func<int[], DecoderStepper> createStepper, IReadOnlyList<SearchItem> items, GenerationSettings settings,
        CancellationToken cancellationToken)
    {
        var rows = items.Count;
        using var stepper = createStepper([.. items.Select(item => item.EncoderRow)]);
        var processor = new LogitsProcessor(settings);
        var sequences = Enumerable.Range(0, rows).Select(_ => new[] { settings.DecoderStartTokenId }).ToArray();
        var identity = Enumerable.Range(0, rows).ToArray();
        var sums = new float[rows];
        var finishedLength = new int?[rows];
        while (sequences[0].Length < settings.MaxLength && finishedLength.Any(length => length is null))
        {
            var logits = stepper.Step(sequences, identity, cancellationToken);
            var vocabulary = logits.Length / rows;
            for (var row = 0; row < rows; row++)
            {
                var scores = logits.AsSpan(row * vocabulary, vocabulary);
                processor.Process(scores, sequences[row], items[row].ForcedBosTokenId);
                var token = LogSoftmax.ArgMax(scores);
                if (finishedLength[row] is null)
                {
                    sums[row] += scores[token] - LogSoftmax.LogSumExp(scores);
                    if (settings.EosTokenIds.Contains(token))
                    {
                        finishedLength[row] = sequences[row].Length + 1;
                    }
                }
                else
                {
                    token = settings.PadTokenId;
                }
                sequences[row] = [.. sequences[row], token];
            }
        }
        return [.. Enumerable.Range(0, rows).Select(row =>
        {
            var ids = sequences[row][..(finishedLength[row] ?? sequences[row].Length)];
            return new[] { new GeneratedSequence(ids, sums[row] / Math.Pow(ids.Length - 1, settings.LengthPenalty)) };
        })];
    }
}
