using System.Globalization;

using Platform.Metrics.Text;

namespace Platform.Metrics.Chrf;

/// <summary>chrF and chrF++ exactly as sacreBLEU 2.x computes them (sacrebleu/metrics/chrf.py).</summary>
public sealed class SacreChrf(ChrfOptions options)
{
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

            var score = ChrfFScore.Compute(statistics, options);
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
        ChrfFScore.Compute(statistics.Values, options),
        Signature(statistics.Counts));

    /// <summary>sacreBLEU's signature, e.g. <c>nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.0</c>.</summary>
    public string Signature(SegmentCounts counts) =>
        $"nrefs:{counts.ReferencesSignature}|case:{(options.Lowercase ? "lc" : "mixed")}"
        + $"|eff:{(options.EpsSmoothing ? "no" : "yes")}"
        + $"|nc:{options.CharOrder.ToString(CultureInfo.InvariantCulture)}|nw:{options.WordOrder.ToString(CultureInfo.InvariantCulture)}"
        + $"|space:{(options.Whitespace ? "yes" : "no")}|version:{Bleu.SacreBleu.Version}";

    private string Preprocess(string segment) => options.Lowercase ? PythonText.Lower(segment) : segment;

    private NgramCounter[] Ngrams(string segment)
    {
        var characters = NgramCounter.OfCharacters(
            options.Whitespace ? segment : PythonText.RemoveWhiteSpace(segment), options.CharOrder);
        return options.WordOrder == 0
            ? characters
            : [.. characters, .. NgramCounter.OfWords(ChrfWords.Split(segment), options.WordOrder)];
    }
}
