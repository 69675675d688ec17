using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Apis.Models;
using Platform.Api.Jobs;
using Platform.Api.Options;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>
/// Validates a job request and writes the job row and its Hangfire plan job in one transaction, so a job is
/// never half-created: either both exist or neither does.
/// </summary>
internal sealed class JobCreator(
    IDbContextFactory<PlatformDbContext> contexts,
    IdempotentCreation idempotency,
    JobWriter writer,
    IOptions<JobsOptions> options,
    TimeProvider clock)
{
    public async Task<JobCreationResult> CreateAsync(JobKind kind, CreateJobRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (JobRequestValidator.CheckShape(kind, request) is { } shapeProblem)
        {
            return JobCreationResult.Invalid(shapeProblem);
        }
        return await idempotency.CreateAsync(
            idempotencyKey, new { kind, request }, requestHash => CreateNewAsync(kind, request, idempotencyKey, requestHash, cancellationToken), cancellationToken);
    }

    private async Task<JobCreationResult> CreateNewAsync(
        JobKind kind, CreateJobRequest request, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpointIds = JobRequestValidator.CheckpointIdsOf(request);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DatasetId, cancellationToken);
        var checkpoints = await db.Checkpoints.AsNoTracking().Where(c => checkpointIds.Contains(c.Id)).ToListAsync(cancellationToken);
        if (JobRequestValidator.CheckAgainst(kind, request, dataset, checkpoints) is { } inputProblem)
        {
            return JobCreationResult.Unprocessable(inputProblem);
        }

        var scoring = EvaluationMetrics.ScoringOf(kind, request, dataset!);
        var parameters = new JobParameters(request.Languages!, request.SourceLanguage, checkpointIds, scoring?.Metrics ?? request.Metrics, request.Generation, scoring);
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Status = JobStatus.Pending,
            DatasetId = request.DatasetId,
            CheckpointId = checkpointIds.Count == 1 ? checkpointIds[0] : null,
            Parameters = parameters,
            BatchSize = request.BatchSize ?? options.Value.DefaultBatchSize,
            ItemsTotal = dataset!.ItemCount * checkpointIds.Count,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            WebhookUrl = request.WebhookUrl?.ToString(),
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
        return JobCreationResult.Created(job);
    }

    /// <summary>An evaluation of several checkpoints runs as one child job per checkpoint; the parent itself has no batches.</summary>
    private static IEnumerable<Job> ChildrenOf(Job parent, Dataset dataset) =>
        parent.CheckpointId is not null ? [] : parent.Parameters.CheckpointIds!.Select(checkpointId => new Job
        {
            Id = Guid.CreateVersion7(),
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
