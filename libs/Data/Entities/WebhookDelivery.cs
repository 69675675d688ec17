namespace Platform.Data.Entities;

/// <summary>One job event to one receiver (the job's own URL or a tenant endpoint), attempted until it ends.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid JobId { get; set; }
    /// <summary>The tenant endpoint it goes to; null for the job's own <see cref="Job.WebhookUrl"/>.</summary>
    public Guid? EndpointId { get; set; }
    /// <summary>The Standard Webhooks <c>webhook-id</c>, the same on every attempt.</summary>
    public required string WebhookId { get; set; }
    public required string EventType { get; set; }
    public required string Url { get; set; }
    /// <summary>The exact body sent, the same on every attempt.</summary>
    public required string Payload { get; set; }
    public WebhookDeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
