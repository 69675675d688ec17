namespace Platform.Data.Entities;

/// <summary>A tenant's registered receiver of job events, signed with its own secret.</summary>
public sealed class WebhookEndpoint
{
    /// <summary>The event filter that matches every event.</summary>
    public const string AllEvents = "*";

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Url { get; set; }
    /// <summary>Event types delivered here (<c>job.succeeded</c>, …), or just <see cref="AllEvents"/>.</summary>
    public required List<string> Events { get; set; }
    public string? Description { get; set; }
    /// <summary>The <c>whsec_</c> signing secret, encrypted with the Api's Data Protection key ring.</summary>
    public required string Secret { get; set; }
    /// <summary>The secret before the last rotation, still signing alongside until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when deleted, or when the receiver answered 410 Gone: nothing more is delivered here.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
}
