using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>The event types a job sends when it ends, one per final status.</summary>
public static class WebhookEvents
{
    public const string JobSucceeded = "job.succeeded";
    public const string JobCompletedWithErrors = "job.completed_with_errors";
    public const string JobFailed = "job.failed";
    public const string JobCancelled = "job.cancelled";

    public static readonly IReadOnlyList<string> All = [JobSucceeded, JobCompletedWithErrors, JobFailed, JobCancelled];

    public static string ForStatus(JobStatus status) => status switch
    {
        JobStatus.Succeeded => JobSucceeded,
        JobStatus.CompletedWithErrors => JobCompletedWithErrors,
        JobStatus.Failed => JobFailed,
        JobStatus.Cancelled => JobCancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only a finished job sends an event."),
    };
}
