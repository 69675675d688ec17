using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>A created job, the job an earlier request with the same Idempotency-Key created, or why nothing was created.</summary>
internal sealed record JobCreationResult(Job? Job, bool Existing, int ProblemStatus = 0, string? ProblemTitle = null, string? ProblemDetail = null)
{
    public static JobCreationResult Created(Job job) => new(job, Existing: false);
    public static JobCreationResult Replayed(Job job) => new(job, Existing: true);
    public static JobCreationResult Invalid(string detail) => new(null, false, StatusCodes.Status400BadRequest, "Invalid job request", detail);
    public static JobCreationResult Unprocessable(string detail) => new(null, false, StatusCodes.Status422UnprocessableEntity, "Job cannot run on this input", detail);
}
