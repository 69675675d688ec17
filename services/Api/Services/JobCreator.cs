using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Apis.Models;
using Platform.Api.Jobs;
using Platform.Api.Options;
using Platform.Api.Webhooks;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>
/// Validates a job request and writes the job row and its Hangfire plan job in one transaction, so a job is
/// never half-created: either both exist or neither does. A job with a webhook URL gets its own signing secret,
/// returned in the response (also to a replay with the same Idempotency-Key, whose caller may have lost the first).
/// </summary>
internal sealed class JobCreator(
    IDbContextFactory<PlatformDbContext> contexts,
    IdempotentCreation idempotency,
    JobWriter writer,
    IOptions<JobsOptions> options,
    WebhookUrlPolicy webhookUrls,
    WebhookSecrets webhookSecrets,
    TimeProvider clock)
{
    public async Task<JobCreationResult> CreateAsync(Guid tenantId, JobKind kind, CreateJobRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (JobRequestValidator.CheckShape(kind, request) is { } shapeProblem)
        {
            return JobCreationResult.Invalid(shapeProblem);
        }
        if (request.WebhookUrl is not null && webhookUrls.Check("webhookUrl", request.WebhookUrl) is { } urlProblem)
        {
            return urlProblem.Status == StatusCodes.Status400BadRequest
                ? JobCreationResult.Invalid(urlProblem.Detail)
                : JobCreationResult.Unprocessable(urlProblem.Detail);
        }
        return await idempotency.CreateAsync(
            tenantId, idempotencyKey, new { kind, request },
            requestHash => CreateNewAsync(tenantId, kind, request, idempotencyKey, requestHash, cancellationToken), cancellationToken);
    }

    private async Task<JobCreationResult> CreateNewAsync(
        Guid tenantId, JobKind kind, CreateJobRequest request, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpointIds = JobRequestValidator.CheckpointIdsOf(request);
        // Another tenant's dataset or checkpoint reads as missing, exactly like an unknown id.
        var dataset = await db.Datasets.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DatasetId, cancellationToken);
        var checkpoints = await db.Checkpoints.OwnedBy(tenantId).AsNoTracking().Where(c => checkpointIds.Contains(c.Id)).ToListAsync(cancellationToken);
        if (JobRequestValidator.CheckAgainst(kind, request, dataset, checkpoints) is { } inputProblem)
        {
            return JobCreationResult.Unprocessable(inputProblem);
        }
        if (dataset!.ItemCount * checkpointIds.Count > options.Value.MaxItemsPerJob)
        {
            return JobCreationResult.Unprocessable(
                $"Dataset {dataset.Id} has {dataset.ItemCount} items for {checkpointIds.Count} checkpoint(s); a job may have at most {options.Value.MaxItemsPerJob} (Jobs:MaxItemsPerJob).");
        }
        if (request.SourceJobId is { } sourceJobId)
        {
            var sourceJob = await db.Jobs.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(j => j.Id == sourceJobId, cancellationToken);
            if (SourceJobValidator.Check(request, sourceJob) is { } sourceProblem)
            {
                return JobCreationResult.Unprocessable(sourceProblem);
            }
        }
        if (JobRequestValidator.CheckCheckpointLanguages(request, checkpoints) is { } languageProblem)
        {
            return JobCreationResult.Unprocessable(languageProblem);
        }

        var (secret, protectedSecret) = request.WebhookUrl is null ? (null, null) : webhookSecrets.Generate();
        var scoring = EvaluationMetrics.ScoringOf(kind, request, dataset);
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Kind = kind,
            Status = JobStatus.Pending,
            DatasetId = request.DatasetId,
            CheckpointId = checkpointIds.Count == 1 ? checkpointIds[0] : null,
            Parameters = new JobParameters(
                request.Languages!, request.SourceLanguage, checkpointIds, scoring?.Metrics ?? request.Metrics, request.Generation, request.SourceJobId, scoring),
            BatchSize = request.BatchSize ?? options.Value.DefaultBatchSize,
            ItemsTotal = dataset.ItemCount * checkpointIds.Count,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            WebhookUrl = request.WebhookUrl?.AbsoluteUri,
            WebhookSecret = protectedSecret,
            CreatedAt = clock.GetUtcNow(),
        };
        // Jobs with a checkpoint get their plan job; a parent is settled by its children.
        await writer.InsertAsync(
            [job, .. ChildrenOf(job, dataset)],
            (hangfire, created) =>
            {
                if (created.CheckpointId is not null)
                {
                    hangfire.Enqueue<PlanJob>(plan => plan.RunAsync(created.Id, CancellationToken.None));
                }
            },
            cancellationToken);
        return JobCreationResult.Created(job, secret);
    }

    /// <summary>
    /// An evaluation of several checkpoints runs as one child job per checkpoint; the parent itself has no batches and
    /// alone carries the webhook (children's settlements are steps of the parent's).
    /// </summary>
    private static IEnumerable<Job> ChildrenOf(Job parent, Dataset dataset) =>
        parent.CheckpointId is not null ? [] : parent.Parameters.CheckpointIds!.Select(checkpointId => new Job
        {
            Id = Guid.CreateVersion7(),
            TenantId = parent.TenantId,
            Kind = parent.Kind,
            Status = JobStatus.Pending,
            DatasetId = parent.DatasetId,
            CheckpointId = checkpointId,
            ParentJobId = parent.Id,
            Parameters = parent.Parameters with { CheckpointIds = [checkpointId] },
            BatchSize = parent.BatchSize,
            ItemsTotal = dataset.ItemCount,
            CreatedAt = parent.CreatedAt,
        });
}
