using System.Globalization;

using Platform.Metrics.Text;

namespace Platform.Metrics.Chrf;

/// <summary>chrF and chrF++ exactly as sacreBLEU 2.x computes them (sacrebleu/metrics/chrf.py).</summary>
public sealed class SacreChrf(ChrfOptions options)
{
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public ChrfOptions Options => options;

    /// <summary>Statistics of one segment against its best reference. A null hypothesis is scored as empty and counted.</summary>
    /// <exception cref="MetricInputException">Every reference is empty or missing.</exception>
    public ChrfStatistics Segment(string? hypothesis, IReadOnlyList<string?> references)
    {
        var present = References.Present(references);
        var hypothesisNgrams = Ngrams(Preprocess(hypothesis ?? ""));
        long[]? best = null;
        var bestScore = -1.0;
        foreach (var reference in present)
        {
            var referenceNgrams = Ngrams(Preprocess(reference));
            var statistics = new long[3 * options.Order];
            for (var i = 0; i < options.Order; i++)
            {
                var (hyp, reference_) = (hypothesisNgrams[i], referenceNgrams[i]);
                // sacreBLEU does not count hypothesis n-grams of an order the reference has none of.
                statistics[3 * i] = reference_.Distinct > 0 ? hyp.Total : 0;
                statistics[(3 * i) + 1] = reference_.Total;
                statistics[(3 * i) + 2] = hyp.Matches(reference_);
            }

            var score = FScore(statistics);
            if (score > bestScore)
            {
                (best, bestScore) = (statistics, score);
            }
        }

        return new ChrfStatistics(best!, SegmentCounts.One(hypothesis, present.Count));
    }

    public ChrfStatistics Corpus(IEnumerable<string?> hypotheses, IReadOnlyList<IReadOnlyList<string?>> referenceStreams) =>
        Streams.Zip(hypotheses, referenceStreams)
            .Aggregate(ChrfStatistics.Empty(options), (sum, segment) => sum.Merge(Segment(segment.Hypothesis, segment.References)));

    public ChrfScore SentenceScore(string? hypothesis, IReadOnlyList<string?> references) =>
        Score(Segment(hypothesis, references));

    public ChrfScore Score(ChrfStatistics statistics) => new(
        $"chrF{options.Beta}" + new string('+', options.WordOrder),
        FScore(statistics.Values),
        Signature(statistics.Counts));

    /// <summary>sacreBLEU's signature, e.g. <c>nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.0</c>.</summary>
    public string Signature(SegmentCounts counts) =>
        $"nrefs:{counts.ReferencesSignature}|case:{(options.Lowercase ? "lc" : "mixed")}"
        + $"|eff:{(options.EpsSmoothing ? "no" : "yes")}"
        + $"|nc:{options.CharOrder.ToString(CultureInfo.InvariantCulture)}|nw:{options.WordOrder.ToString(CultureInfo.InvariantCulture)}"
        + $"|space:{(options.Whitespace ? "yes" : "no")}|version:{Bleu.SacreBleu.Version}";

    /// <summary>sacreBLEU's <c>_compute_f_score</c>, term for term.</summary>
    private double FScore(long[] statistics)
    {
        const double eps = 1e-16;
        var score = 0.0;
        var effectiveOrder = 0;
        double factor = options.Beta * options.Beta;
        var (averagePrecision, averageRecall) = (0.0, 0.0);
        for (var i = 0; i < options.Order; i++)
        {
            var (hyp, reference, match) = (statistics[3 * i], statistics[(3 * i) + 1], statistics[(3 * i) + 2]);
            var precision = hyp > 0 ? (double)match / hyp : eps;
            var recall = reference > 0 ? (double)match / reference : eps;
            var denominator = (factor * precision) + recall;
            score += denominator > 0 ? (1 + factor) * precision * recall / denominator : eps;
            if (hyp > 0 && reference > 0)
            {
                averagePrecision += precision;
                averageRecall += recall;
                effectiveOrder++;
            }
        }

        if (options.EpsSmoothing)
        {
            return 100 * score / options.Order;
        }

        if (effectiveOrder == 0)
        {
            (averagePrecision, averageRecall) = (0.0, 0.0);
        }
        else
        {
            averagePrecision /= effectiveOrder;
            averageRecall /= effectiveOrder;
        }

        if (averagePrecision + averageRecall == 0)
        {
            return 0.0;
        }

        score = (1 + factor) * averagePrecision * averageRecall;
        score /= (factor * averagePrecision) + averageRecall;
        return 100 * score;
    }

    private string Preprocess(string segment) => options.Lowercase ? PythonText.Lower(segment) : segment;

    private NgramCounter[] Ngrams(string segment)
    {
        var characters = NgramCounter.OfCharacters(
            options.Whitespace ? segment : PythonText.RemoveWhiteSpace(segment), options.CharOrder);
        return options.WordOrder == 0
            ? characters
            : [.. characters, .. NgramCounter.OfWords(SplitPunctuation(segment), options.WordOrder)];
    }

    /// <summary>sacreBLEU's <c>_remove_punctuation</c>: one ASCII punctuation mark split off a word's end, else its start.</summary>
    private static string[] SplitPunctuation(string segment)
    {
        var words = new List<string>();
        foreach (var word in PythonText.Split(segment))
        {
            if (PythonText.CodePointStarts(word).Length == 2)
            {
                words.Add(word);
            }
            else if (Punctuation.Contains(word[^1], StringComparison.Ordinal))
            {
                words.Add(word[..^1]);
                words.Add(word[^1..]);
            }
            else if (Punctuation.Contains(word[0], StringComparison.Ordinal))
            {
                words.Add(word[..1]);
                words.Add(word[1..]);
            }
            else
            {
                words.Add(word);
            }
        }

        return [.. words];
    }
}
