using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Apis.Models;
using Platform.Api.Services;
using Platform.Api.Tenancy;
using Platform.Data.Entities;

namespace Platform.Api.Apis;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/jobs").WithTags("Jobs");
        api.MapPost("/captions", (CreateJobRequest request, [FromHeader(Name = "Idempotency-Key")] string? key, ICurrentTenant tenant, JobCreator creator, JobQueries queries, CancellationToken ct)
            => CreateAsync(tenant.Id, JobKind.Captions, request, key, creator, queries, ct));
        api.MapPost("/translations", (CreateJobRequest request, [FromHeader(Name = "Idempotency-Key")] string? key, ICurrentTenant tenant, JobCreator creator, JobQueries queries, CancellationToken ct)
            => CreateAsync(tenant.Id, JobKind.Translations, request, key, creator, queries, ct));
        api.MapPost("/evaluations", (CreateJobRequest request, [FromHeader(Name = "Idempotency-Key")] string? key, ICurrentTenant tenant, JobCreator creator, JobQueries queries, CancellationToken ct)
            => CreateAsync(tenant.Id, JobKind.Evaluations, request, key, creator, queries, ct));
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/{id:guid}/cancel", CancelAsync);
        api.MapPost("/{id:guid}/retry-failed", RetryFailedAsync);
        api.MapGet("/{id:guid}/results", ResultsAsync);
        api.MapGet("/{id:guid}/failures", FailuresAsync);
        api.MapGet("/{id:guid}/metrics", MetricsAsync);
        return api;
    }

    private static async Task<Results<Accepted<JobResponse>, ProblemHttpResult>> CreateAsync(
        Guid tenantId, JobKind kind, CreateJobRequest request, string? idempotencyKey, JobCreator creator, JobQueries queries, CancellationToken cancellationToken)
    {
        var result = await creator.CreateAsync(tenantId, kind, request, idempotencyKey, cancellationToken);
        return await AcceptedAsync(tenantId, result, queries, cancellationToken);
    }

    /// <summary>The 202 for a created (or replayed) job, or the problem that kept it from being created.</summary>
    internal static async Task<Results<Accepted<JobResponse>, ProblemHttpResult>> AcceptedAsync(
        Guid tenantId, JobCreationResult result, JobQueries queries, CancellationToken cancellationToken)
    {
        if (result.Job is null)
        {
            return TypedResults.Problem(result.ProblemDetail, statusCode: result.ProblemStatus, title: result.ProblemTitle);
        }
        // A new job has no failures yet: no need to read it back. A replayed one is shown as it stands now.
        var job = result.Existing ? (await queries.GetAsync(tenantId, result.Job.Id, cancellationToken))! : queries.DescribeNew(result.Job);
        return TypedResults.Accepted(job.Links.Self, job with { WebhookSecret = result.WebhookSecret });
    }

    private static async Task<Results<Ok<JobResponse>, NotFound>> GetAsync(Guid id, ICurrentTenant tenant, JobQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(tenant.Id, id, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    private static async Task<Results<Ok<JobPage>, ProblemHttpResult>> ListAsync(
        ICurrentTenant tenant, JobQueries queries, CancellationToken cancellationToken,
        JobStatus? status = null, JobKind? kind = null, Guid? datasetId = null, Guid? parentJobId = null, string? after = null, int limit = 50)
    {
        if (!JobCursor.TryDecode(after, out var cursor))
        {
            return TypedResults.Problem("'after' is not a cursor returned by this endpoint.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (limit is < 1 or > 500)
        {
            return TypedResults.Problem("'limit' must be between 1 and 500.", statusCode: StatusCodes.Status400BadRequest);
        }
        return TypedResults.Ok(await queries.ListAsync(tenant.Id, new JobListQuery(status, kind, datasetId, parentJobId, cursor, limit), cancellationToken));
    }

    private static async Task<Results<Ok<JobResponse>, NotFound, Conflict<JobResponse>>> CancelAsync(
        Guid id, ICurrentTenant tenant, JobCancellation cancellation, JobQueries queries, CancellationToken cancellationToken)
    {
        var cancelled = await cancellation.CancelAsync(tenant.Id, id, cancellationToken);
        var job = await queries.GetAsync(tenant.Id, id, cancellationToken);
        return job switch
        {
            null => TypedResults.NotFound(),
            _ when cancelled => TypedResults.Ok(job),
            _ => TypedResults.Conflict(job),
        };
    }

    private static async Task<Results<Accepted<JobResponse>, ProblemHttpResult>> RetryFailedAsync(
        Guid id, ICurrentTenant tenant, FailedItemRetry retry, JobQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await retry.RetryAsync(tenant.Id, id, cancellationToken);
        if (outcome == RetryOutcome.Started)
        {
            var job = (await queries.GetAsync(tenant.Id, id, cancellationToken))!;
            return TypedResults.Accepted(job.Links.Self, job);
        }
        var (status, title, detail) = outcome switch
        {
            RetryOutcome.NoJob => (StatusCodes.Status404NotFound, "Job not found", $"Job {id} does not exist."),
            RetryOutcome.NotFinished => (StatusCodes.Status409Conflict, "Job not finished", $"Job {id} is still running: only a finished job's failed items can be retried."),
            RetryOutcome.Cancelled => (StatusCodes.Status409Conflict, "Job cancelled", $"Job {id} was cancelled: submit it again to run its remaining items."),
            _ => (StatusCodes.Status409Conflict, "Nothing to retry", $"Job {id} has no failed items."),
        };
        return TypedResults.Problem(detail, statusCode: status, title: title);
    }

    private static async Task<Results<Ok<ResultPage>, NotFound, ProblemHttpResult>> ResultsAsync(
        Guid id, ICurrentTenant tenant, JobQueries queries, CancellationToken cancellationToken, string? after = null, string? language = null, int limit = 100)
    {
        if (!ResultCursor.TryDecode(after, out var cursor))
        {
            return TypedResults.Problem("'after' is not a cursor returned by this endpoint.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (limit is < 1 or > 10_000)
        {
            return TypedResults.Problem("'limit' must be between 1 and 10000.", statusCode: StatusCodes.Status400BadRequest);
        }
        return await queries.ResultsAsync(tenant.Id, id, cursor, language, limit, cancellationToken) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<FailurePage>, NotFound, ProblemHttpResult>> FailuresAsync(
        Guid id, ICurrentTenant tenant, JobQueries queries, CancellationToken cancellationToken, long? after = null, int limit = 100)
    {
        if (limit is < 1 or > 10_000)
        {
            return TypedResults.Problem("'limit' must be between 1 and 10000.", statusCode: StatusCodes.Status400BadRequest);
        }
        return await queries.FailuresAsync(tenant.Id, id, after, limit, cancellationToken) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<MetricResponse>>, NotFound>> MetricsAsync(
        Guid id, ICurrentTenant tenant, MetricQueries queries, CancellationToken cancellationToken) =>
        await queries.ForJobAsync(tenant.Id, id, cancellationToken) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();
}
