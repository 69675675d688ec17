using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

/// <summary>One event to one receiver, with the log of its attempts.</summary>
public sealed record WebhookDeliveryResponse(
    Guid Id,
    string WebhookId,
    string EventType,
    string Url,
    Guid? EndpointId,
    WebhookDeliveryState State,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<WebhookAttemptResponse> AttemptLog);

public sealed record WebhookAttemptResponse(int Attempt, int? StatusCode, long LatencyMs, string? ResponseExcerpt, string? Error, DateTimeOffset AttemptedAt);
