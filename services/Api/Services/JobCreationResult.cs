using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>
/// A created job, the job an earlier request with the same Idempotency-Key created, or why nothing was created.
/// <see cref="WebhookSecret"/> is the job's signing secret in clear, for the response only.
/// </summary>
internal sealed record JobCreationResult(Job? Job, bool Existing, int ProblemStatus = 0, string? ProblemTitle = null, string? ProblemDetail = null)
{
    public string? WebhookSecret { get; private init; }

    public static JobCreationResult Created(Job job, string? webhookSecret) => new(job, Existing: false) { WebhookSecret = webhookSecret };
    public static JobCreationResult Replayed(Job job, string? webhookSecret) => new(job, Existing: true) { WebhookSecret = webhookSecret };
    public static JobCreationResult Invalid(string detail) => new(null, false, StatusCodes.Status400BadRequest, "Invalid job request", detail);
    public static JobCreationResult Unprocessable(string detail) => new(null, false, StatusCodes.Status422UnprocessableEntity, "Job cannot run on this input", detail);
}
