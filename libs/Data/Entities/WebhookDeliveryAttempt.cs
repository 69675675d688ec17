namespace Platform.Data.Entities;

/// <summary>One attempt to deliver a <see cref="WebhookDelivery"/>, as the delivery log shows it.</summary>
public sealed class WebhookDeliveryAttempt
{
    public long Id { get; set; }
    public Guid DeliveryId { get; set; }
    public int Attempt { get; set; }
    /// <summary>Null when no response came (refused address, connection error, timeout).</summary>
    public int? StatusCode { get; set; }
    public long LatencyMs { get; set; }
    public string? ResponseExcerpt { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
}
