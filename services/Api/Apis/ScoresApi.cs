using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.Api.Apis.Models;
using Platform.Api.Options;
using Platform.Api.Services;
using Platform.Api.Tenancy;

namespace Platform.Api.Apis;

/// <summary>
/// Scoring on its own: <c>POST /v1/scores</c> with JSON <c>{"jobId"}</c> scores a finished job's results; with a
/// text/plain body (one hypothesis per line, in dataset order) and <c>?datasetId=&amp;language=</c> it scores
/// uploaded hypotheses. Either way a scoring job is created (202) whose metrics appear at <c>/v1/jobs/{id}/metrics</c>.
/// An Idempotency-Key header makes a JSON request safe to retry; an upload is not hashed, so it carries none.
/// </summary>
public static class ScoresApi
{
    private const string Accepted = "JSON {\"jobId\": …} to score a job's results, or text/plain hypotheses (one per line)";

    public static RouteGroupBuilder MapScoresEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/scores").WithTags("Evaluations");
        api.MapPost("/", CreateAsync).DisableAntiforgery();
        return api;
    }

    private static async Task<Results<Accepted<JobResponse>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ICurrentTenant tenant, ScoringJobCreator creator, JobQueries queries, IOptions<UploadOptions> options, CancellationToken cancellationToken,
        Guid? datasetId = null, string? language = null, Guid? checkpointId = null, string? metrics = null, string? tokenize = null, bool? lowercase = null)
    {
        if (request.HasJsonContentType())
        {
            ScoreRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<ScoreRequest>(cancellationToken);
            }
            catch (JsonException exception)
            {
                return UploadGuard.Invalid($"The body is not a score request: {exception.Message}");
            }
            return await JobsApi.AcceptedAsync(
                tenant.Id, await creator.FromJobAsync(tenant.Id, body ?? new ScoreRequest(null, null, null, null, null, null), idempotencyKey, cancellationToken), queries, cancellationToken);
        }
        if (request.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) != true)
        {
            return UploadGuard.UnsupportedMediaType(request.ContentType, Accepted);
        }
        if (UploadGuard.Check(request, options.Value.MaxUploadBytes) is { } tooLarge)
        {
            return tooLarge;
        }
        var upload = new HypothesesUpload(
            datasetId, language, checkpointId, metrics?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), tokenize, lowercase);
        try
        {
            return await JobsApi.AcceptedAsync(tenant.Id, await creator.FromUploadAsync(tenant.Id, upload, request.Body, cancellationToken), queries, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return UploadGuard.Invalid("The hypotheses are not UTF-8 text.");
        }
    }
}
