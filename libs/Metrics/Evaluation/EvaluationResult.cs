using Platform.Metrics.Bleu;
using Platform.Metrics.Chrf;
using Platform.Metrics.Coco;

namespace Platform.Metrics.Evaluation;

/// <summary>The requested scores (null where not requested), with per-item scores for CIDEr-D and ROUGE-L.</summary>
public sealed record EvaluationResult(
    SegmentCounts Counts,
    BleuScore? Bleu,
    ChrfScore? Chrf,
    ChrfScore? ChrfPlusPlus,
    double[]? CocoBleu,
    CorpusScore? Cider,
    CorpusScore? RougeL);
