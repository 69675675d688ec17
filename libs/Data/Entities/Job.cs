namespace Platform.Data.Entities;

public sealed class Job : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public JobKind Kind { get; set; }
    public JobStatus Status { get; set; }
    public Guid DatasetId { get; set; }
    public Guid? CheckpointId { get; set; }
    /// <summary>Set on each per-checkpoint child of an evaluation job over several checkpoints.</summary>
    public Guid? ParentJobId { get; set; }
    public required JobParameters Parameters { get; set; }
    public int BatchSize { get; set; }
    public int BatchCount { get; set; }
    public int BatchesSettled { get; set; }
    public long ItemsTotal { get; set; }
    public long ItemsSucceeded { get; set; }
    public long ItemsFailed { get; set; }
    public string? IdempotencyKey { get; set; }
    /// <summary>SHA-256 of the create request, to refuse an Idempotency-Key reused for a different request.</summary>
    public string? RequestHash { get; set; }
    public string? WebhookUrl { get; set; }
    /// <summary>The <c>whsec_</c> secret deliveries to <see cref="WebhookUrl"/> are signed with, encrypted with the Api's Data Protection key ring.</summary>
    public string? WebhookSecret { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
