using Hangfire;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Webhooks;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Jobs;

/// <summary>
/// One attempt to deliver a webhook. Hangfire never retries it: <see cref="WebhookAttemptRecorder"/> alone decides
/// whether and when the next attempt runs. A run for an attempt that is no longer due (already made, or the
/// delivery ended meanwhile) does nothing.
/// </summary>
internal sealed class WebhookDeliveryJob(
    IDbContextFactory<PlatformDbContext> contexts,
    WebhookSigningKeys keys,
    WebhookSender sender,
    WebhookAttemptRecorder recorder,
    ILogger<WebhookDeliveryJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid deliveryId, int attempt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is not { State: WebhookDeliveryState.Pending } || delivery.Attempts != attempt - 1)
        {
            logger.LogInformation("Attempt {Attempt} of webhook delivery {DeliveryId} is no longer due", attempt, deliveryId);
            return;
        }
        if (await keys.ForAsync(db, delivery, cancellationToken) is not { } secrets)
        {
            await recorder.CancelAsync(delivery, cancellationToken);
            return;
        }
        var outcome = await sender.SendAsync(delivery, secrets, cancellationToken);
        await recorder.RecordAsync(delivery, attempt, outcome, cancellationToken);
    }
}
