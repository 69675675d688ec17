using Microsoft.EntityFrameworkCore;
using Platform.Api.Services;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>
/// Sends a delivery again now, whatever its state, with the same <c>webhook-id</c> and body; if that attempt fails,
/// retries follow the schedule from where it stands. An endpoint that is disabled gets nothing.
/// </summary>
internal sealed class WebhookRedelivery(
    IDbContextFactory<PlatformDbContext> contexts,
    EnlistedConnections connections,
    WebhookAttemptScheduler scheduler,
    TimeProvider clock)
{
    /// <returns>False when the delivery's endpoint is disabled.</returns>
    public async Task<bool> RedeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.EndpointId is { } endpointId)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId && e.DisabledAt != null, cancellationToken))
            {
                return false;
            }
        }
        using var scope = AmbientTransaction.Begin();
        int attempts;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await using var reopen = connection.CreateCommand(
                "UPDATE webhook_deliveries SET state = 'Pending', next_attempt_at = @now, completed_at = NULL WHERE id = @id RETURNING attempts",
                ("id", delivery.Id), ("now", clock.GetUtcNow()));
            attempts = (int)(await reopen.ExecuteScalarAsync(cancellationToken))!;
        }
        scheduler.Schedule(delivery.Id, attempts + 1, TimeSpan.Zero);
        scope.Complete();
        return true;
    }
}
