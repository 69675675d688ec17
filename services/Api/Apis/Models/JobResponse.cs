using System.Text.Json.Serialization;
using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

public sealed record JobResponse(
    Guid Id,
    JobKind Kind,
    JobStatus Status,
    Guid DatasetId,
    Guid? CheckpointId,
    Guid? ParentJobId,
    JobParameters Parameters,
    JobBatchCounts Batches,
    JobItemCounts Items,
    double Percent,
    double? ItemsPerSecond,
    double? EtaSeconds,
    IReadOnlyList<ErrorSummary> Errors,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    JobLinks Links)
{
    /// <summary>The <c>whsec_</c> secret deliveries to the job's webhook URL are signed with; only in the create response.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WebhookSecret { get; init; }
}

public sealed record JobBatchCounts(int Total, int Settled, int BatchSize);

public sealed record JobItemCounts(long Total, long Succeeded, long Failed, long Remaining);

/// <summary>Failures grouped by reason, with one example, so users see at a glance what went wrong.</summary>
public sealed record ErrorSummary(string Reason, long Count, string ExampleItem, string ExampleDetail);

/// <summary><paramref name="Metrics"/>: the scores of a job with a scoring step (a parent's: its children's).</summary>
public sealed record JobLinks(string Self, string Results, string Failures, string Cancel, string RetryFailed, string Exports, string Metrics);
