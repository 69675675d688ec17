using System.Security.Cryptography;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
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
    IBackgroundJobClient backgroundJobs,
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
        if (idempotencyKey is { Length: > 200 })
        {
            return JobCreationResult.Invalid("The Idempotency-Key header is longer than 200 characters.");
        }
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { kind, request })));
        if (await FindReplayAsync(tenantId, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpointId = JobRequestValidator.CheckpointIdsOf(request)[0];
        // Another tenant's dataset or checkpoint reads as missing, exactly like an unknown id.
        var dataset = await db.Datasets.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DatasetId, cancellationToken);
        var checkpoint = await db.Checkpoints.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(c => c.Id == checkpointId, cancellationToken);
        if (JobRequestValidator.CheckAgainst(kind, request, dataset, checkpoint) is { } inputProblem)
        {
            return JobCreationResult.Unprocessable(inputProblem);
        }
        if (dataset!.ItemCount > options.Value.MaxItemsPerJob)
        {
            return JobCreationResult.Unprocessable(
                $"Dataset {dataset.Id} has {dataset.ItemCount} items; a job may have at most {options.Value.MaxItemsPerJob} (Jobs:MaxItemsPerJob).");
        }
        if (request.SourceJobId is { } sourceJobId)
        {
            var sourceJob = await db.Jobs.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(j => j.Id == sourceJobId, cancellationToken);
            if (SourceJobValidator.Check(request, sourceJob) is { } sourceProblem)
            {
                return JobCreationResult.Unprocessable(sourceProblem);
            }
        }

        var (secret, protectedSecret) = request.WebhookUrl is null ? (null, null) : webhookSecrets.Generate();
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Kind = kind,
            Status = JobStatus.Pending,
            DatasetId = request.DatasetId,
            CheckpointId = checkpointId,
            Parameters = new JobParameters(request.Languages!, request.SourceLanguage, [checkpointId], MetricsOf(kind, request), request.Generation, request.SourceJobId),
            BatchSize = request.BatchSize ?? options.Value.DefaultBatchSize,
            ItemsTotal = dataset.ItemCount,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            WebhookUrl = request.WebhookUrl?.AbsoluteUri,
            WebhookSecret = protectedSecret,
            CreatedAt = clock.GetUtcNow(),
        };
        try
        {
            await InsertWithPlanAsync(job, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && idempotencyKey is not null)
        {
            // A concurrent request with the same Idempotency-Key won the race.
            return (await FindReplayAsync(tenantId, idempotencyKey, requestHash, cancellationToken))!;
        }
        return JobCreationResult.Created(job, secret);
    }

    private static IReadOnlyList<string>? MetricsOf(JobKind kind, CreateJobRequest request) =>
        kind == JobKind.Evaluations && request.Metrics is not { Count: > 0 } ? EvaluationMetrics.Defaults : request.Metrics;

    private async Task InsertWithPlanAsync(Job job, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Hangfire.PostgreSql enlists in the ambient transaction; with the same connection string Npgsql reuses
        // the one physical connection, so this stays a local (not a prepared) transaction.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            using var scope = AmbientTransaction.Begin();
            await using var attempt = await contexts.CreateDbContextAsync(cancellationToken);
            attempt.Jobs.Add(job);
            await attempt.SaveChangesAsync(cancellationToken);
            backgroundJobs.Enqueue<PlanJob>(plan => plan.RunAsync(job.Id, CancellationToken.None));
            scope.Complete();
        });
    }

    private async Task<JobCreationResult?> FindReplayAsync(Guid tenantId, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.TenantId == tenantId && j.IdempotencyKey == idempotencyKey, cancellationToken);
        return existing switch
        {
            null => null,
            _ when existing.RequestHash != requestHash => JobCreationResult.Unprocessable(
                $"Idempotency-Key '{idempotencyKey}' was already used for a different request (job {existing.Id})."),
            _ => JobCreationResult.Replayed(existing, existing.WebhookSecret is { } stored ? webhookSecrets.Reveal(stored) : null),
        };
    }
}
