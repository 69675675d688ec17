using Platform.Metrics.Bleu;
using Platform.Metrics.Chrf;
using Platform.Metrics.Coco;

namespace Platform.Metrics.Evaluation;

/// <summary>
/// Accumulates the statistics of the requested metrics one segment at a time, then scores the
/// corpus. Empty reference lines are treated as absent for every metric (sacreBLEU's convention for
/// a variable number of references); the COCO metrics see text through <see cref="CocoTokenizer"/>.
/// </summary>
public sealed class CorpusEvaluator(EvaluationOptions options)
{
    private readonly SacreBleu? bleu = options.Metrics.Contains(MetricKind.Bleu)
        ? new SacreBleu(BleuOptions.Corpus with { Tokenize = options.Tokenize, Lowercase = options.Lowercase })
        : null;

    private readonly SacreChrf? chrf = Chrf(options, MetricKind.Chrf, ChrfOptions.Chrf);
    private readonly SacreChrf? chrfPlusPlus = Chrf(options, MetricKind.ChrfPlusPlus, ChrfOptions.ChrfPlusPlus);
    private readonly bool coco = options.Metrics.Overlaps([MetricKind.CocoBleu, MetricKind.Cider, MetricKind.RougeL]);

    private BleuStatistics bleuStatistics = BleuStatistics.Empty(BleuOptions.Corpus.MaxNgramOrder);
    private ChrfStatistics chrfStatistics = ChrfStatistics.Empty(ChrfOptions.Chrf);
    private ChrfStatistics chrfPlusPlusStatistics = ChrfStatistics.Empty(ChrfOptions.ChrfPlusPlus);
    private CocoBleuStatistics cocoBleuStatistics = CocoBleuStatistics.Empty;
    private readonly List<CocoSegment> cocoSegments = [];
    private SegmentCounts counts = SegmentCounts.None;

    /// <exception cref="MetricInputException">Every reference of the segment is empty or missing.</exception>
    public void Add(string? hypothesis, IReadOnlyList<string?> references)
    {
        var present = References.Present(references);
        counts = counts.Merge(SegmentCounts.One(hypothesis, present.Count));
        if (bleu is not null)
        {
            bleuStatistics = bleuStatistics.Merge(bleu.Segment(hypothesis, present));
        }

        if (chrf is not null)
        {
            chrfStatistics = chrfStatistics.Merge(chrf.Segment(hypothesis, present));
        }

        if (chrfPlusPlus is not null)
        {
            chrfPlusPlusStatistics = chrfPlusPlusStatistics.Merge(chrfPlusPlus.Segment(hypothesis, present));
        }

        if (coco)
        {
            var segment = new CocoSegment(hypothesis is null ? null : CocoTokenizer.Tokenize(hypothesis), [.. present.Select(CocoTokenizer.Tokenize)]);
            cocoBleuStatistics = cocoBleuStatistics.Merge(CocoBleu.Segment(segment));
            cocoSegments.Add(segment);
        }
    }

    /// <exception cref="MetricInputException">No segment was added.</exception>
    public EvaluationResult Result()
    {
        var statistics = Statistics();
        return new EvaluationResult(
            counts,
            statistics.Bleu is { } b ? bleu!.Score(b) : null,
            statistics.Chrf is { } c ? chrf!.Score(c) : null,
            statistics.ChrfPlusPlus is { } cpp ? chrfPlusPlus!.Score(cpp) : null,
            statistics.CocoBleu is { } coco ? CocoBleu.Score(coco) : null,
            statistics.Cider is { } cider ? CiderD.Score(cider) : null,
            statistics.RougeL is { } rouge ? RougeL.Score(rouge) : null);
    }

    /// <summary>The statistics accumulated so far, for storing beside the scores (each round-trips through System.Text.Json).</summary>
    /// <exception cref="MetricInputException">No segment was added.</exception>
    public EvaluationStatistics Statistics()
    {
        if (counts.Segments == 0)
        {
            throw new MetricInputException("There are no segments to score.");
        }

        var wants = options.Metrics;
        return new EvaluationStatistics(
            bleu is null ? null : bleuStatistics,
            chrf is null ? null : chrfStatistics,
            chrfPlusPlus is null ? null : chrfPlusPlusStatistics,
            wants.Contains(MetricKind.CocoBleu) ? cocoBleuStatistics : null,
            wants.Contains(MetricKind.Cider) ? new CiderStatistics(cocoSegments) : null,
            wants.Contains(MetricKind.RougeL) ? new RougeLStatistics([.. cocoSegments.Select(RougeL.Segment)], counts) : null);
    }

    private static SacreChrf? Chrf(EvaluationOptions options, MetricKind kind, ChrfOptions defaults) =>
        options.Metrics.Contains(kind) ? new SacreChrf(defaults with { Lowercase = options.Lowercase }) : null;
}
