using Hangfire;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Apis.Models;
using Platform.Api.Jobs;
using Platform.Data;
using Platform.Data.Entities;
using Platform.Metrics.Tokenizers;

namespace Platform.Api.Services;

/// <summary>
/// Creates scoring jobs: a finished job's results, or uploaded hypotheses, against a dataset's references. The job
/// row, the uploaded text and the scoring request are written in one transaction; bad input creates nothing.
/// </summary>
internal sealed class ScoringJobCreator(IDbContextFactory<PlatformDbContext> contexts, IdempotentCreation idempotency, JobWriter writer, TimeProvider clock)
{
    public async Task<JobCreationResult> FromJobAsync(Guid tenantId, ScoreRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (request.JobId is not { } sourceId)
        {
            return JobCreationResult.Invalid("'jobId' is required (or upload hypotheses as text/plain with 'datasetId' and 'language').");
        }
        if (((request.Languages is null ? null : JobRequestValidator.CheckLanguages(request.Languages)) ?? CheckOptions(request.Metrics, request.Tokenize)) is { } problem)
        {
            return JobCreationResult.Invalid(problem);
        }
        return await idempotency.CreateAsync(
            tenantId, idempotencyKey, new { kind = JobKind.Scoring, request },
            requestHash => FromJobAsync(tenantId, request, sourceId, idempotencyKey, requestHash, cancellationToken), cancellationToken);
    }

    private async Task<JobCreationResult> FromJobAsync(
        Guid tenantId, ScoreRequest request, Guid sourceId, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var source = await db.Jobs.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(j => j.Id == sourceId, cancellationToken);
        var dataset = source is null ? null : await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == source.DatasetId, cancellationToken);
        if (CheckSource(source, sourceId, request.DatasetId) is { } sourceProblem)
        {
            return JobCreationResult.Unprocessable(sourceProblem);
        }
        var produced = source!.Parameters.Languages;
        var languages = request.Languages ?? [.. produced.Where(dataset!.CaptionLanguages.Contains)];
        if (languages.FirstOrDefault(l => !produced.Contains(l)) is { } notProduced)
        {
            return JobCreationResult.Unprocessable($"Job {sourceId} has no '{notProduced}' text to score.");
        }
        if (CheckReferences(dataset!, languages) is { } referenceProblem)
        {
            return JobCreationResult.Unprocessable(referenceProblem);
        }
        // A scoring job's own results are the hypotheses it was given; one that scored another job points there.
        var hypothesesJobId = source.Parameters.Scoring?.HypothesesJobId ?? source.Id;
        var job = NewJob(tenantId, dataset!, source.CheckpointId, languages, request.Metrics, request.Tokenize, request.Lowercase, hypothesesJobId);
        (job.IdempotencyKey, job.RequestHash) = (idempotencyKey, requestHash);
        await writer.InsertAsync([job], Enqueue, cancellationToken);
        return JobCreationResult.Created(job, webhookSecret: null);
    }

    /// <exception cref="System.Text.DecoderFallbackException">The upload is not UTF-8.</exception>
    public async Task<JobCreationResult> FromUploadAsync(Guid tenantId, HypothesesUpload upload, Stream hypotheses, CancellationToken cancellationToken)
    {
        if (upload.DatasetId is not { } datasetId || !JobRequestValidator.IsLanguageCode(upload.Language))
        {
            return JobCreationResult.Invalid("Query parameters 'datasetId' and 'language' (a language code, e.g. \"en\") are required with uploaded hypotheses.");
        }
        if (CheckOptions(upload.Metrics, upload.Tokenize) is { } problem)
        {
            return JobCreationResult.Invalid(problem);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null)
        {
            return JobCreationResult.Unprocessable($"Dataset {datasetId} does not exist.");
        }
        if (upload.CheckpointId is { } checkpointId && !await db.Checkpoints.OwnedBy(tenantId).AnyAsync(c => c.Id == checkpointId, cancellationToken))
        {
            return JobCreationResult.Unprocessable($"Checkpoint {checkpointId} does not exist.");
        }
        if (CheckReferences(dataset, [upload.Language!]) is { } referenceProblem)
        {
            return JobCreationResult.Unprocessable(referenceProblem);
        }
        var job = NewJob(tenantId, dataset, upload.CheckpointId, [upload.Language!], upload.Metrics, upload.Tokenize, upload.Lowercase, hypothesesJobId: null);
        var uploadProblem = await writer.InsertAsync([job], Enqueue, cancellationToken, (attempt, token) =>
            HypothesisRows.WriteAsync(attempt, job.Id, dataset.Id, dataset.ItemCount, upload.Language!, hypotheses, token));
        return uploadProblem is null ? JobCreationResult.Created(job, webhookSecret: null) : JobCreationResult.Unprocessable(uploadProblem);
    }

    private static string? CheckOptions(IReadOnlyList<string>? metrics, string? tokenize) =>
        EvaluationMetrics.Check(metrics)
        ?? (tokenize is not null && !BleuTokenizers.Names.Contains(tokenize)
            ? $"'tokenize' must be one of {string.Join(", ", BleuTokenizers.Names)}."
            : null);

    private static string? CheckSource(Job? source, Guid sourceId, Guid? datasetId) => source switch
    {
        null => $"Job {sourceId} does not exist.",
        { Kind: JobKind.Evaluations, CheckpointId: null } =>
            $"Job {sourceId} evaluates several checkpoints; score one of its children (GET /v1/jobs?parentJobId={sourceId}).",
        { Status: not (JobStatus.Succeeded or JobStatus.CompletedWithErrors) } =>
            $"Job {sourceId} is {source.Status}; only a finished job (Succeeded or CompletedWithErrors) can be scored.",
        _ when datasetId is { } other && other != source.DatasetId =>
            $"Job {sourceId} ran on dataset {source.DatasetId}; its results line up only with that dataset's references.",
        _ => null,
    };

    private static string? CheckReferences(Dataset dataset, IReadOnlyList<string> languages) => languages switch
    {
        [] => $"Dataset {dataset.Id} has no references in the job's languages; name 'languages' to score.",
        _ when languages.FirstOrDefault(l => !dataset.CaptionLanguages.Contains(l)) is { } missing =>
            $"Dataset {dataset.Id} has no '{missing}' references to score against.",
        _ => null,
    };

    private Job NewJob(
        Guid tenantId, Dataset dataset, Guid? checkpointId, IReadOnlyList<string> languages, IReadOnlyList<string>? metrics, string? tokenize, bool? lowercase, Guid? hypothesesJobId)
    {
        var scoring = new ScoringParameters(
            languages, metrics is { Count: > 0 } ? metrics : EvaluationMetrics.SacreBleuDefaults, tokenize ?? BleuTokenizers.Default, lowercase ?? false, hypothesesJobId);
        var now = clock.GetUtcNow();
        return new Job
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Kind = JobKind.Scoring,
            Status = JobStatus.Running,
            DatasetId = dataset.Id,
            CheckpointId = checkpointId,
            Parameters = new JobParameters(languages, CheckpointIds: checkpointId is { } id ? [id] : null, Metrics: scoring.Metrics, Scoring: scoring),
            ItemsTotal = dataset.ItemCount,
            CreatedAt = now,
            StartedAt = now,
        };
    }

    private static void Enqueue(IBackgroundJobClient hangfire, Job job) =>
        hangfire.Enqueue<ScoreRequestJob>(score => score.RunAsync(job.Id, CancellationToken.None));
}
