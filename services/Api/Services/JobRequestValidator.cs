using System.Text.RegularExpressions;
using Platform.Api.Apis.Models;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>Checks a create request against what the job kind needs; returns the first problem, or null.</summary>
internal static partial class JobRequestValidator
{
    /// <summary>An evaluation compares at most this many checkpoints in one job.</summary>
    public const int MaxCheckpointsPerEvaluation = 50;

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguageCode();

    public static bool IsLanguageCode(string? language) => language is not null && LanguageCode().IsMatch(language);

    /// <summary>The problem with a list of language codes: none, one that is not a code, or one listed twice.</summary>
    public static string? CheckLanguages(IReadOnlyList<string>? languages)
    {
        if (languages is not { Count: > 0 })
        {
            return "'languages' must list at least one language code (e.g. \"en\", \"fr_XX\").";
        }
        if (languages.FirstOrDefault(l => !IsLanguageCode(l)) is { } badLanguage)
        {
            return $"'{badLanguage}' is not a language code (expected e.g. \"en\", \"de_DE\").";
        }
        return languages.Distinct().Count() != languages.Count ? "'languages' lists a language twice." : null;
    }

    public static string? CheckShape(JobKind kind, CreateJobRequest request)
    {
        if (CheckLanguages(request.Languages) is { } languageProblem)
        {
            return languageProblem;
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
        if (request.SourceLanguage is { } source && !IsLanguageCode(source))
        {
            return $"'{source}' is not a language code.";
        }
        return EvaluationMetrics.Check(request.Metrics) ?? CheckCheckpoints(kind, request);
    }

    private static string? CheckCheckpoints(JobKind kind, CreateJobRequest request)
    {
        if (request.CheckpointId is not null && request.CheckpointIds is { Count: > 0 })
        {
            return "Give 'checkpointId' or 'checkpointIds', not both.";
        }
        var checkpoints = CheckpointIdsOf(request);
        if (checkpoints.GroupBy(id => id).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            return $"'checkpointIds' lists checkpoint {twice.Key} twice.";
        }
        return checkpoints.Count switch
        {
            0 => "'checkpointId' is required.",
            > 1 when kind != JobKind.Evaluations => $"A {kind} job runs one checkpoint; only an evaluation job compares several.",
            > MaxCheckpointsPerEvaluation => $"An evaluation job compares at most {MaxCheckpointsPerEvaluation} checkpoints.",
            _ => null,
        };
    }

    public static IReadOnlyList<Guid> CheckpointIdsOf(CreateJobRequest request) =>
        request.CheckpointIds is { Count: > 0 } ids ? ids : request.CheckpointId is { } id ? [id] : [];

    /// <param name="checkpoints">The requested checkpoints that exist.</param>
    public static string? CheckAgainst(JobKind kind, CreateJobRequest request, Dataset? dataset, IReadOnlyList<Checkpoint> checkpoints)
    {
        if (dataset is null)
        {
            return $"Dataset {request.DatasetId} does not exist.";
        }
        if (dataset.ItemCount == 0)
        {
            return $"Dataset {dataset.Id} has no items.";
        }
        if (CheckpointIdsOf(request).Where(id => checkpoints.All(c => c.Id != id)).Take(1).ToList() is [var missingId])
        {
            return $"Checkpoint {missingId} does not exist.";
        }
        if (checkpoints.Select(c => c.Task).Distinct().Count() > 1)
        {
            return $"Checkpoints {string.Join(", ", checkpoints.Select(c => $"{c.Id} ({c.Task})"))} are of different tasks; an evaluation compares checkpoints of one task.";
        }
        var checkpoint = checkpoints[0];
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
        if (kind == JobKind.Translations && request.Metrics is { Count: > 0 } && ReferencedTargets(request, dataset).Count == 0)
        {
            return $"Dataset {dataset.Id} has no references in {string.Join(", ", request.Languages!)} to score the translations against; leave out 'metrics'.";
        }
        return null;
    }

    /// <summary>The first requested checkpoint that cannot produce the requested languages (or read the source), in request order.</summary>
    public static string? CheckCheckpointLanguages(CreateJobRequest request, IReadOnlyList<Checkpoint> checkpoints) =>
        CheckpointIdsOf(request)
            .Select(id => CheckpointLanguages.Refusal(checkpoints.Single(c => c.Id == id), request.Languages!, request.SourceLanguage))
            .FirstOrDefault(refusal => refusal is not null);

    /// <summary>The target languages of a translation that the dataset has references in: those get scored.</summary>
    public static IReadOnlyList<string> ReferencedTargets(CreateJobRequest request, Dataset dataset) =>
        [.. request.Languages!.Where(l => l != request.SourceLanguage && dataset.CaptionLanguages.Contains(l))];
}
