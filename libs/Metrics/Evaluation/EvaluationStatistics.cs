using Platform.Metrics.Bleu;
using Platform.Metrics.Chrf;
using Platform.Metrics.Coco;

namespace Platform.Metrics.Evaluation;

/// <summary>The accumulated statistics of the requested metrics (null where not requested), to store and score again later.</summary>
public sealed record EvaluationStatistics(
    BleuStatistics? Bleu,
    ChrfStatistics? Chrf,
    ChrfStatistics? ChrfPlusPlus,
    CocoBleuStatistics? CocoBleu,
    CiderStatistics? Cider,
    RougeLStatistics? RougeL);
