using System.Globalization;

using Platform.Metrics.Text;
using Platform.Metrics.Tokenizers;

namespace Platform.Metrics.Bleu;

/// <summary>
/// BLEU exactly as sacreBLEU 2.x computes it (sacrebleu/metrics/bleu.py): same preprocessing,
/// n-gram clipping against the per-n-gram maximum over references, closest reference length,
/// smoothing and floating-point order.
/// </summary>
public sealed class SacreBleu(BleuOptions options)
{
    /// <summary>The sacreBLEU release whose behaviour and signature format this reproduces.</summary>
    public const string Version = "2.4.0";

    private readonly IBleuTokenizer tokenizer = BleuTokenizers.Get(options.Tokenize);

    public BleuOptions Options => options;

    /// <summary>Statistics of one segment. A null hypothesis (missing item) is scored as empty and counted.</summary>
    /// <exception cref="MetricInputException">Every reference is empty or missing.</exception>
    public BleuStatistics Segment(string? hypothesis, IReadOnlyList<string?> references)
    {
        var order = options.MaxNgramOrder;
        var present = References.Present(references);
        NgramCounter[]? referenceNgrams = null;
        var referenceLengths = new List<int>(present.Count);
        foreach (var reference in present)
        {
            var tokens = PythonText.Split(Preprocess(reference));
            referenceLengths.Add(tokens.Length);
            var ngrams = NgramCounter.OfWords(tokens, order);
            if (referenceNgrams is null)
            {
                referenceNgrams = ngrams;
                continue;
            }

            for (var n = 0; n < order; n++)
            {
                referenceNgrams[n].MaxWith(ngrams[n]);
            }
        }

        var hypothesisTokens = PythonText.Split(Preprocess(hypothesis ?? ""));
        var hypothesisNgrams = NgramCounter.OfWords(hypothesisTokens, order);
        var correct = new long[order];
        var total = new long[order];
        for (var n = 0; n < order; n++)
        {
            total[n] = hypothesisNgrams[n].Total;
            correct[n] = hypothesisNgrams[n].Matches(referenceNgrams![n]);
        }

        return new BleuStatistics(
            hypothesisTokens.Length,
            ClosestReferenceLength(hypothesisTokens.Length, referenceLengths),
            correct,
            total,
            SegmentCounts.One(hypothesis, present.Count));
    }

    /// <summary>Corpus statistics of aligned hypotheses and reference streams.</summary>
    public BleuStatistics Corpus(IEnumerable<string?> hypotheses, IReadOnlyList<IReadOnlyList<string?>> referenceStreams) =>
        Streams.Zip(hypotheses, referenceStreams)
            .Aggregate(BleuStatistics.Empty(options.MaxNgramOrder), (sum, segment) => sum.Merge(Segment(segment.Hypothesis, segment.References)));

    public BleuScore SentenceScore(string? hypothesis, IReadOnlyList<string?> references) =>
        Score(Segment(hypothesis, references));

    /// <summary>sacreBLEU's <c>compute_bleu</c> over (merged) statistics.</summary>
    /// <exception cref="ArgumentException">The statistics are of another maximum n-gram order.</exception>
    public BleuScore Score(BleuStatistics statistics) => statistics.Correct.Length == options.MaxNgramOrder
        && statistics.Total.Length == options.MaxNgramOrder
            ? BleuComputation.Compute(statistics, options, Signature(statistics.Counts))
            : throw new ArgumentException("The statistics were computed for another maximum n-gram order.", nameof(statistics));

    /// <summary>sacreBLEU's signature, e.g. <c>nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.0</c>.</summary>
    public string Signature(SegmentCounts counts)
    {
        var smooth = options.Smoothing switch
        {
            BleuSmoothing.None => "none",
            BleuSmoothing.Floor => "floor",
            BleuSmoothing.AddK => "add-k",
            _ => "exp",
        };
        if (options.EffectiveSmoothValue is { } value)
        {
            smooth += $"[{value.ToString("F2", CultureInfo.InvariantCulture)}]";
        }

        return $"nrefs:{counts.ReferencesSignature}|case:{(options.Lowercase ? "lc" : "mixed")}"
            + $"|eff:{(options.EffectiveOrder ? "yes" : "no")}|tok:{tokenizer.Signature}|smooth:{smooth}|version:{Version}";
    }

    private string Preprocess(string segment) =>
        tokenizer.Tokenize(PythonText.TrimEnd(options.Lowercase ? PythonText.Lower(segment) : segment));

    private static int ClosestReferenceLength(int hypothesisLength, List<int> referenceLengths)
    {
        var (closestDiff, closestLength) = (-1, -1);
        foreach (var length in referenceLengths)
        {
            var diff = Math.Abs(hypothesisLength - length);
            if (closestDiff == -1 || diff < closestDiff)
            {
                (closestDiff, closestLength) = (diff, length);
            }
            else if (diff == closestDiff && length < closestLength)
            {
                closestLength = length;
            }
        }

        return closestLength;
    }
}
