using Platform.Metrics.Evaluation;

namespace Platform.Api.Services;

/// <summary>The metrics an evaluation job computes.</summary>
internal static class EvaluationMetrics
{
    /// <summary>Used when an evaluation request names none: sacreBLEU BLEU and chrF, COCO BLEU-1..4 and CIDEr-D.</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["bleu", "chrf", "coco-bleu", "cider"];

    public static string? Check(IReadOnlyList<string>? metrics) =>
        metrics?.FirstOrDefault(m => !MetricNames.All.Contains(m, StringComparer.OrdinalIgnoreCase)) is { } unknown
            ? $"'{unknown}' is not a metric; expected some of {string.Join(", ", MetricNames.All)}."
            : null;
}
