namespace Platform.Inference.Generation;

/// <summary>
/// transformers' <c>_beam_search</c> with BeamSearchScorer: log-softmax, then the logits processors, plus
/// the beam's running score; the top max(2, 1 + #eos) × num_beams candidates of each item either finish
/// (EOS within the top num_beams) or continue; an item is done when its BeamHypotheses say so.
/// </summary>
internal static class BeamSearch
{
    public static GeneratedSequence[][] Run(
        Func<int[], DecoderStepper> createStepper, IReadOnlyList<SearchItem> items, GenerationSettings settings,
        CancellationToken cancellationToken)
    {
        var beams = settings.NumBeams;
        var rows = items.Count * beams;
        using var stepper = createStepper([.. Enumerable.Range(0, rows).Select(row => items[row / beams].EncoderRow)]);
        var processor = new LogitsProcessor(settings);
        var hypotheses = items.Select(_ => new BeamHypotheses(beams, settings.LengthPenalty, settings.EarlyStopping, settings.MaxLength)).ToArray();
        var done = new bool[items.Count];
        var sequences = Enumerable.Range(0, rows).Select(_ => new[] { settings.DecoderStartTokenId }).ToArray();
        var beamScores = Enumerable.Range(0, rows).Select(row => row % beams == 0 ? 0f : -1e9f).ToArray();
        var parents = Enumerable.Range(0, rows).ToArray();
        var candidates = Math.Max(2, 1 + settings.EosTokenIds.Count) * beams;
        while (true)
        {
            var scores = stepper.Step(sequences, parents, cancellationToken);
            var vocabulary = scores.Length / rows;
            for (var row = 0; row < rows; row++)
            {
                var rowScores = scores.AsSpan(row * vocabulary, vocabulary);
                LogSoftmax.InPlace(rowScores);
                processor.Process(rowScores, sequences[row], items[row / beams].ForcedBosTokenId);
                for (var token = 0; token < vocabulary; token++)
                {
                    rowScores[token] += beamScores[row];
                }
            }
            var nextSequences = new int[rows][];
            var currentLength = sequences[0].Length + 1;
            for (var item = 0; item < items.Count; item++)
            {
                var first = item * beams;
                if (done[item])
                {
                    for (var beam = 0; beam < beams; beam++)
                    {
                        (nextSequences[first + beam], beamScores[first + beam], parents[first + beam]) =
                            ([.. sequences[first], settings.PadTokenId], 0f, first);
                    }
                    continue;
                }
                var top = TopCandidates.Find(scores.AsSpan(first * vocabulary, beams * vocabulary), candidates);
                var filled = 0;
                for (var rank = 0; rank < top.Length && filled < beams; rank++)
                {
                    var (index, score) = top[rank];
                    var source = first + (index / vocabulary);
                    var token = index % vocabulary;
                    if (settings.EosTokenIds.Contains(token))
                    {
                        if (rank < beams)
                        {
                            hypotheses[item].Add([.. sequences[source], token], score, currentLength - 1);
                        }
                        continue;
                    }
                    (nextSequences[first + filled], beamScores[first + filled], parents[first + filled]) =
                        ([.. sequences[source], token], score, source);
                    filled++;
                }
                if (filled < beams)
                {
                    throw new InvalidOperationException($"Beam search found only {filled} continuations for {beams} beams.");
                }
                done[item] = hypotheses[item].IsDone(top[0].Score, currentLength);
            }
            sequences = nextSequences;
            if (done.All(finished => finished) || sequences[0].Length >= settings.MaxLength)
            {
                break;
            }
        }
        return Finalise(sequences, beamScores, hypotheses, done, settings);
    }

    private static GeneratedSequence[][] Finalise(
        int[][] sequences, float[] beamScores, BeamHypotheses[] hypotheses, bool[] done, GenerationSettings settings)
    {
        var beams = settings.NumBeams;
        for (var item = 0; item < hypotheses.Length; item++)
        {
            for (var beam = 0; beam < beams && !done[item]; beam++)
            {
                var row = (item * beams) + beam;
                hypotheses[item].Add(sequences[row], beamScores[row], sequences[row].Length - 1);
            }
        }
        return [.. hypotheses.Select(item => item.Best()
            .Take(settings.NumReturnSequences)
            .Select(best => new GeneratedSequence(best.Tokens, best.Score))
            .ToArray())];
    }
}
