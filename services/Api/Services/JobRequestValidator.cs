using System.Text.RegularExpressions;
using Platform.Api.Apis.Models;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>Checks a create request against what the job kind needs; returns the first problem, or null.</summary>
internal static partial class JobRequestValidator
{
    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguageCode();

    public static string? CheckShape(JobKind kind, CreateJobRequest request)
    {
        if (request.Languages is not { Count: > 0 })
        {
            return "'languages' must list at least one language code (e.g. \"en\", \"fr_XX\").";
        }
        if (request.Languages.FirstOrDefault(l => !LanguageCode().IsMatch(l)) is { } badLanguage)
        {
            return $"'{badLanguage}' is not a language code (expected e.g. \"en\", \"de_DE\").";
        }
        if (request.Languages.Distinct().Count() != request.Languages.Count)
        {
            return "'languages' lists a language twice.";
        }
        if (request.BatchSize is < 1 or > 10_000)
        {
            return "'batchSize' must be between 1 and 10000.";
        }
        if (kind == JobKind.Translations && string.IsNullOrEmpty(request.SourceLanguage))
        {
            return "'sourceLanguage' is required for a translation job.";
        }
        if (kind != JobKind.Translations && request.SourceJobId is not null)
        {
            return "'sourceJobId' applies to translation jobs only.";
        }
        if (request.SourceLanguage is { } source && !LanguageCode().IsMatch(source))
        {
            return $"'{source}' is not a language code.";
        }
        if (EvaluationMetrics.Check(request.Metrics) is { } metricProblem)
        {
            return metricProblem;
        }
        var checkpoints = CheckpointIdsOf(request);
        return checkpoints.Count switch
        {
            0 => "'checkpointId' is required.",
            > 1 => "Give one checkpoint per job.",
            _ => null,
        };
    }

    public static IReadOnlyList<Guid> CheckpointIdsOf(CreateJobRequest request) =>
        request.CheckpointIds is { Count: > 0 } ids ? ids : request.CheckpointId is { } id ? [id] : [];

    public static string? CheckAgainst(JobKind kind, CreateJobRequest request, Dataset? dataset, Checkpoint? checkpoint)
    {
        if (dataset is null)
        {
            return $"Dataset {request.DatasetId} does not exist.";
        }
        if (dataset.ItemCount == 0)
        {
            return $"Dataset {dataset.Id} has no items.";
        }
        if (checkpoint is null)
        {
            return $"Checkpoint {CheckpointIdsOf(request)[0]} does not exist.";
        }
        var expectedTask = kind == JobKind.Translations ? CheckpointTask.TextToText : CheckpointTask.ImageToText;
        if (kind != JobKind.Evaluations && checkpoint.Task != expectedTask)
        {
            return $"Checkpoint {checkpoint.Id} is {checkpoint.Task}; a {kind} job needs {expectedTask}.";
        }
        if (checkpoint.Task == CheckpointTask.TextToText && request.SourceJobId is null && !dataset.CaptionLanguages.Contains(request.SourceLanguage))
        {
            return $"Dataset {dataset.Id} has no '{request.SourceLanguage}' captions to translate (set 'sourceLanguage').";
        }
        if (kind == JobKind.Evaluations && request.Languages!.FirstOrDefault(l => !dataset.CaptionLanguages.Contains(l)) is { } missing)
        {
            return $"Dataset {dataset.Id} has no '{missing}' reference captions to score against.";
        }
        return null;
    }
}
