using Platform.Api.Apis.Models;
using Platform.Data.Entities;
using Platform.Metrics.Evaluation;

namespace Platform.Api.Services;

/// <summary>The metrics a job scores, and which of its languages.</summary>
internal static class EvaluationMetrics
{
    /// <summary>Used when an evaluation request names none: sacreBLEU BLEU and chrF, COCO BLEU-1..4 and CIDEr-D.</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["bleu", "chrf", "coco-bleu", "cider"];

    /// <summary>sacreBLEU's BLEU and chrF: used when a translation over references or a scoring request names none.</summary>
    public static IReadOnlyList<string> SacreBleuDefaults { get; } = ["bleu", "chrf"];

    public static string? Check(IReadOnlyList<string>? metrics) =>
        metrics?.FirstOrDefault(m => !MetricNames.All.Contains(m, StringComparer.OrdinalIgnoreCase)) is { } unknown
            ? $"'{unknown}' is not a metric; expected some of {string.Join(", ", MetricNames.All)}."
            : null;

    /// <summary>
    /// The scoring step of a new job: an evaluation scores every language; a translation the target languages its
    /// dataset has references in (none: no scoring step); a caption job has none.
    /// </summary>
    public static ScoringParameters? ScoringOf(JobKind kind, CreateJobRequest request, Dataset dataset)
    {
        var named = request.Metrics is { Count: > 0 } metrics ? metrics : null;
        return kind switch
        {
            JobKind.Evaluations => new ScoringParameters(request.Languages!, named ?? Defaults),
            JobKind.Translations when JobRequestValidator.ReferencedTargets(request, dataset) is { Count: > 0 } targets =>
                new ScoringParameters(targets, named ?? SacreBleuDefaults),
            _ => null,
        };
    }
}
