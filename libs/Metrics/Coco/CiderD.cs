using Platform.Metrics.Text;

namespace Platform.Metrics.Coco;

/// <summary>
/// CIDEr-D as the COCO caption evaluation computes it (pycocoevalcap cider_scorer.py: n = 4,
/// sigma = 6, tf-idf with document frequencies from the references, clipping, Gaussian length
/// penalty, x10), in its floating-point order.
/// </summary>
public static class CiderD
{
    private const int Order = 4;
    private const double Sigma = 6.0;

    /// <exception cref="MetricInputException">There are no items.</exception>
    public static CorpusScore Score(CiderStatistics statistics)
    {
        var items = statistics.Items;
        var documentFrequency = DocumentFrequencies(items);
        var referenceLength = Math.Log(items.Count);
        var scores = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var hypothesis = Vector.Of(items[i].HypothesisText, documentFrequency, referenceLength);
            var score = new double[Order];
            foreach (var reference in items[i].References)
            {
                var similarity = Similarity(hypothesis, Vector.Of(reference, documentFrequency, referenceLength));
                for (var n = 0; n < Order; n++)
                {
                    score[n] += similarity[n];
                }
            }

            var average = NumpyMean.Of(score);
            average /= items[i].References.Length;
            average *= 10.0;
            scores[i] = average;
        }

        return new CorpusScore(NumpyMean.Of(scores), scores);
    }

    private static Dictionary<string, int> DocumentFrequencies(IReadOnlyList<CocoSegment> items)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var reference in item.References)
            {
                seen.UnionWith(NgramCounter.OfWords(PythonText.Split(reference), Order).SelectMany(counter => counter.Keys));
            }

            foreach (var ngram in seen)
            {
                frequencies[ngram] = frequencies.GetValueOrDefault(ngram) + 1;
            }
        }

        return frequencies;
    }

    private static double[] Similarity(Vector hypothesis, Vector reference)
    {
        var delta = (double)(hypothesis.Length - reference.Length);
        var values = new double[Order];
        for (var n = 0; n < Order; n++)
        {
            foreach (var (ngram, weight) in hypothesis.Weights[n])
            {
                var referenceWeight = reference.Lookup[n].GetValueOrDefault(ngram);
                values[n] += Math.Min(weight, referenceWeight) * referenceWeight;
            }

            if (hypothesis.Norms[n] != 0 && reference.Norms[n] != 0)
            {
                values[n] /= hypothesis.Norms[n] * reference.Norms[n];
            }

            values[n] *= Math.Pow(Math.E, -Math.Pow(delta, 2) / (2 * Math.Pow(Sigma, 2)));
        }

        return values;
    }

    /// <summary>pycocoevalcap's <c>counts2vec</c>: tf-idf weights per order in first-occurrence order, their norms, and the bigram count it calls length.</summary>
    private sealed record Vector(List<KeyValuePair<string, double>>[] Weights, Dictionary<string, double>[] Lookup, double[] Norms, long Length)
    {
        public static Vector Of(string sentence, Dictionary<string, int> documentFrequency, double referenceLength)
        {
            var counters = NgramCounter.OfWords(PythonText.Split(sentence), Order);
            var weights = new List<KeyValuePair<string, double>>[Order];
            var lookup = new Dictionary<string, double>[Order];
            var norms = new double[Order];
            for (var n = 0; n < Order; n++)
            {
                (weights[n], lookup[n]) = ([], new Dictionary<string, double>(StringComparer.Ordinal));
                foreach (var (ngram, termFrequency) in counters[n].Entries)
                {
                    var df = Math.Log(Math.Max(1.0, documentFrequency.GetValueOrDefault(ngram)));
                    var weight = termFrequency * (referenceLength - df);
                    weights[n].Add(KeyValuePair.Create(ngram, weight));
                    lookup[n][ngram] = weight;
                    norms[n] += Math.Pow(weight, 2);
                }

                norms[n] = Math.Sqrt(norms[n]);
            }

            // pycocoevalcap counts "length" where its 0-based order index is 1, i.e. bigrams.
            return new Vector(weights, lookup, norms, counters[1].Total);
        }
    }
}
