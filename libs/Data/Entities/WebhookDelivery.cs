namespace Platform.Data.Entities;

/// <summary>One attempt to deliver a job's completion webhook.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid JobId { get; set; }
    /// <summary>The Standard Webhooks <c>webhook-id</c>, the same on every attempt.</summary>
    public required string WebhookId { get; set; }
    public int Attempt { get; set; }
    public required string Url { get; set; }
    public int? StatusCode { get; set; }
    public long LatencyMs { get; set; }
    public string? ResponseExcerpt { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
}
