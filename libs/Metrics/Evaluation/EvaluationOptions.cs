namespace Platform.Metrics.Evaluation;

/// <summary>
/// Which metrics to compute. <paramref name="Tokenize"/> is BLEU's tokenizer; <paramref name="Lowercase"/>
/// applies to BLEU and chrF (sacreBLEU's <c>-lc</c> plus <c>--chrf-lowercase</c>; both signatures show it).
/// The COCO metrics always lowercase, as their PTB tokenization step does.
/// </summary>
public sealed record EvaluationOptions(IReadOnlySet<MetricKind> Metrics, string Tokenize = "13a", bool Lowercase = false);
