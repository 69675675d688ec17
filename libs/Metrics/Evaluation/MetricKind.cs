namespace Platform.Metrics.Evaluation;

public enum MetricKind
{
    Bleu,
    Chrf,
    ChrfPlusPlus,
    CocoBleu,
    Cider,
    RougeL,
}
