using Platform.Api.Services;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>
/// Logs an attempt and decides what follows, the one place that does: delivered (2xx), failed for good (410, which
/// also disables the endpoint; a refused address; the schedule used up), or the next attempt put on Hangfire, all
/// in one transaction. An attempt already recorded (Hangfire ran the job twice) changes nothing.
/// </summary>
internal sealed class WebhookAttemptRecorder(
    EnlistedConnections connections,
    WebhookAttemptScheduler scheduler,
    TimeProvider clock,
    ILogger<WebhookAttemptRecorder> logger)
{
    public async Task RecordAsync(WebhookDelivery delivery, int attempt, WebhookAttemptOutcome outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var retryDelay = outcome.Retryable ? scheduler.DelayBefore(attempt + 1) : null;
        var state = outcome.Delivered ? WebhookDeliveryState.Succeeded : retryDelay is null ? WebhookDeliveryState.Failed : WebhookDeliveryState.Pending;
        using var scope = AmbientTransaction.Begin();
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            var advanced = await connection.ExecuteAsync(
                """
                UPDATE webhook_deliveries SET state = @state, attempts = @attempt, next_attempt_at = @next, completed_at = @completed
                WHERE id = @id AND state = 'Pending' AND attempts = @attempt - 1
                """,
                cancellationToken,
                ("id", delivery.Id), ("state", state.ToString()), ("attempt", attempt),
                ("next", retryDelay is { } delay ? now + delay : null), ("completed", state == WebhookDeliveryState.Pending ? null : now));
            if (advanced == 0)
            {
                logger.LogInformation("Attempt {Attempt} of webhook {WebhookId} was already recorded", attempt, delivery.WebhookId);
                return;
            }
            await connection.ExecuteAsync(
                """
                INSERT INTO webhook_delivery_attempts (delivery_id, attempt, status_code, latency_ms, response_excerpt, error, attempted_at)
                VALUES (@delivery, @attempt, @status, @latency, @excerpt, @error, @now)
                """,
                cancellationToken,
                ("delivery", delivery.Id), ("attempt", attempt), ("status", outcome.StatusCode), ("latency", outcome.LatencyMs),
                ("excerpt", outcome.ResponseExcerpt), ("error", outcome.Error), ("now", now));
            if (outcome.Gone && delivery.EndpointId is { } endpointId)
            {
                await connection.ExecuteAsync(
                    "UPDATE webhook_endpoints SET disabled_at = @now, disabled_reason = @reason WHERE id = @endpoint AND disabled_at IS NULL",
                    cancellationToken, ("endpoint", endpointId), ("now", now), ("reason", "The receiver answered 410 Gone."));
            }
        }
        if (retryDelay is { } next)
        {
            scheduler.Schedule(delivery.Id, attempt + 1, next);
        }
        scope.Complete();
        logger.LogInformation(
            "Webhook {WebhookId} attempt {Attempt} to {Url}: {StatusCode} {Error}; now {State}",
            delivery.WebhookId, attempt, delivery.Url, outcome.StatusCode, outcome.Error, state);
    }

    /// <summary>Ends a delivery whose endpoint was disabled before it went out.</summary>
    public async Task CancelAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE webhook_deliveries SET state = 'Cancelled', next_attempt_at = NULL, completed_at = @now WHERE id = @id AND state = 'Pending'",
            cancellationToken, ("id", delivery.Id), ("now", clock.GetUtcNow()));
        logger.LogInformation("Webhook {WebhookId} cancelled: its endpoint is disabled", delivery.WebhookId);
    }
}
