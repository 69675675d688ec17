using System.Numerics.Tensors;

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
        var candidates = Math.Max(2, 1 + settings.EosTokenIds.Count) * beams;
        // Items whose hypotheses are not done yet, and their rows (item-major, beam-minor).
        var active = Enumerable.Range(0, items.Count).ToList();
        var sequences = Enumerable.Range(0, rows).Select(_ => new[] { settings.DecoderStartTokenId }).ToArray();
        var beamScores = Enumerable.Range(0, rows).Select(row => row % beams == 0 ? 0f : -1e9f).ToArray();
        var parents = Enumerable.Range(0, rows).ToArray();
        while (true)
        {
            var scores = stepper.Step(sequences, parents, cancellationToken);
            var vocabulary = scores.Length / sequences.Length;
            for (var row = 0; row < sequences.Length; row++)
            {
                var rowScores = scores.AsSpan(row * vocabulary, vocabulary);
                LogSoftmax.InPlace(rowScores);
                processor.Process(rowScores, sequences[row], items[active[row / beams]].ForcedBosTokenId);
                TensorPrimitives.Add(rowScores, beamScores[row], rowScores);
            }
            var currentLength = sequences[0].Length + 1;
            var next = new List<(int[] Sequence, float Score, int Parent)>(sequences.Length);
            var stillActive = new List<int>(active.Count);
            for (var slot = 0; slot < active.Count; slot++)
            {
                var item = active[slot];
                var first = slot * beams;
                var (continuing, best) = Advance(
                    scores.AsSpan(first * vocabulary, beams * vocabulary), vocabulary, first, sequences, hypotheses[item], candidates, settings);
                if (!hypotheses[item].IsDone(best, currentLength))
                {
                    stillActive.Add(item);
                    next.AddRange(continuing);
                }
            }
            active = stillActive;
            sequences = [.. next.Select(beam => beam.Sequence)];
            beamScores = [.. next.Select(beam => beam.Score)];
            parents = [.. next.Select(beam => beam.Parent)];
            if (active.Count == 0 || sequences[0].Length >= settings.MaxLength)
            {
                break;
            }
        }
        return Finalise(active, sequences, beamScores, hypotheses, settings);
    }

    /// <summary>
    /// One item's step, as BeamSearchScorer.process: candidates best first; an EOS among the top num_beams
    /// finishes a hypothesis (its generated length counts the EOS), other tokens continue until num_beams do.
    /// </summary>
    private static (List<(int[] Sequence, float Score, int Parent)> Continuing, float Best) Advance(
        ReadOnlySpan<float> itemScores, int vocabulary, int first, int[][] sequences, BeamHypotheses hypotheses,
        int candidates, GenerationSettings settings)
    {
        var beams = settings.NumBeams;
        var top = TopCandidates.Find(itemScores, candidates);
        var continuing = new List<(int[] Sequence, float Score, int Parent)>(beams);
        for (var rank = 0; rank < top.Length && continuing.Count < beams; rank++)
        {
            var (index, score) = top[rank];
            var source = first + (index / vocabulary);
            var token = index % vocabulary;
            if (!settings.EosTokenIds.Contains(token))
            {
                continuing.Add(([.. sequences[source], token], score, source));
            }
            else if (rank < beams)
            {
                hypotheses.Add([.. sequences[source], token], score, sequences[source].Length);
            }
        }
        if (continuing.Count < beams)
        {
            throw new InvalidOperationException($"Beam search found only {continuing.Count} continuations for {beams} beams.");
        }
        return (continuing, top[0].Score);
    }

    /// <summary>Items still running at max_length offer their beams as hypotheses too.</summary>
    private static GeneratedSequence[][] Finalise(
        List<int> active, int[][] sequences, float[] beamScores, BeamHypotheses[] hypotheses, GenerationSettings settings)
    {
        for (var row = 0; row < sequences.Length; row++)
        {
            hypotheses[active[row / settings.NumBeams]].Add(sequences[row], beamScores[row], sequences[row].Length - 1);
        }
        return [.. hypotheses.Select(item => item.Best()
            .Take(settings.NumReturnSequences)
            .Select(best => new GeneratedSequence(best.Tokens, best.Score))
            .ToArray())];
    }
}
