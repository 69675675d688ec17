using Platform.Metrics.Text;

namespace Platform.Metrics.Coco;

/// <summary>
/// BLEU-1..4 as the COCO caption evaluation computes them (pycocoevalcap bleu_scorer.py with
/// option "closest"), on already tokenized text, including its tiny/small epsilons.
/// </summary>
public static class CocoBleu
{
    public const int Order = 4;

    private const double Small = 1e-9;
    private const double Tiny = 1e-15;

    public static CocoBleuStatistics Segment(CocoSegment segment)
    {
        var referenceMax = new Dictionary<string, int>(StringComparer.Ordinal);
        var referenceLengths = new List<int>();
        foreach (var reference in segment.References)
        {
            var tokens = PythonText.Split(reference);
            referenceLengths.Add(tokens.Length);
            foreach (var counter in NgramCounter.OfWords(tokens, Order))
            {
                foreach (var (ngram, count) in counter.Entries)
                {
                    referenceMax[ngram] = Math.Max(referenceMax.GetValueOrDefault(ngram), count);
                }
            }
        }

        var hypothesis = PythonText.Split(segment.HypothesisText);
        var testLength = hypothesis.Length;
        var ngrams = NgramCounter.OfWords(hypothesis, Order);
        var guess = new long[Order];
        var correct = new long[Order];
        for (var k = 0; k < Order; k++)
        {
            guess[k] = Math.Max(0, testLength - k);
            correct[k] = ngrams[k].Entries.Sum(entry => (long)Math.Min(referenceMax.GetValueOrDefault(entry.Key), entry.Value));
        }

        // min((abs(l - testlen), l) for l in reflen)[1]: closest length, ties to the shorter.
        var closest = referenceLengths.MinBy(length => (Math.Abs(length - testLength), length));
        return new CocoBleuStatistics(testLength, closest, guess, correct, SegmentCounts.One(segment.Hypothesis, segment.References.Length));
    }

    /// <summary>Corpus BLEU-1..4 (<c>compute_score</c>'s first result).</summary>
    public static double[] Score(CocoBleuStatistics statistics)
    {
        var bleus = new double[Order];
        for (var nn = 1; nn <= Order; nn++)
        {
            var bleu = 1.0;
            for (var k = 0; k < nn; k++)
            {
                bleu *= (statistics.Correct[k] + Tiny) / (statistics.Guess[k] + Small);
            }

            bleus[nn - 1] = Math.Pow(bleu, 1.0 / nn);
            var ratio = (statistics.TestLength + Tiny) / (statistics.ReferenceLength + Small);
            if (ratio < 1)
            {
                bleus[nn - 1] *= Math.Exp(1 - (1 / ratio));
            }
        }

        return bleus;
    }

    /// <summary>
    /// The per-item values pycocoevalcap returns beside the corpus score (<c>bleu_list</c>): per order,
    /// the item's modified precision to the power 1/n, without brevity penalty.
    /// </summary>
    public static double[] ItemScores(CocoBleuStatistics item)
    {
        var scores = new double[Order];
        for (var k = 0; k < Order; k++)
        {
            scores[k] = Math.Pow((item.Correct[k] + Tiny) / (item.Guess[k] + Small), 1.0 / (k + 1.0));
        }

        return scores;
    }
}
