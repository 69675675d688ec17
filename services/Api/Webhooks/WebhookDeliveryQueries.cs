using Microsoft.EntityFrameworkCore;
using Platform.Api.Apis.Models;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>A job's deliveries and their attempt logs, for the tenant that owns the job only.</summary>
internal sealed class WebhookDeliveryQueries(IDbContextFactory<PlatformDbContext> contexts)
{
    /// <returns>Null when the tenant has no such job.</returns>
    public async Task<IReadOnlyList<WebhookDeliveryResponse>?> ForJobAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Jobs.AnyAsync(j => j.Id == jobId && j.TenantId == tenantId, cancellationToken))
        {
            return null;
        }
        var deliveries = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.JobId == jobId && d.TenantId == tenantId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return await WithAttemptsAsync(db, deliveries, cancellationToken);
    }

    /// <summary>One delivery of the tenant's job, by its id or its <c>webhook-id</c>; null when there is none.</summary>
    public async Task<WebhookDelivery?> FindAsync(Guid tenantId, Guid jobId, string deliveryOrWebhookId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.JobId == jobId && d.TenantId == tenantId);
        return Guid.TryParse(deliveryOrWebhookId, out var id)
            ? await deliveries.SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            : await deliveries.SingleOrDefaultAsync(d => d.WebhookId == deliveryOrWebhookId, cancellationToken);
    }

    public async Task<WebhookDeliveryResponse> DescribeAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId, cancellationToken);
        return (await WithAttemptsAsync(db, [delivery], cancellationToken))[0];
    }

    private static async Task<IReadOnlyList<WebhookDeliveryResponse>> WithAttemptsAsync(
        PlatformDbContext db, List<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookDeliveryAttempts.AsNoTracking()
                .Where(a => ids.Contains(a.DeliveryId))
                .OrderBy(a => a.Attempt)
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return deliveries.Select(d => new WebhookDeliveryResponse(
                d.Id, d.WebhookId, d.EventType, d.Url, d.EndpointId, d.State, d.Attempts, d.NextAttemptAt, d.CreatedAt, d.CompletedAt,
                attempts[d.Id].Select(a => new WebhookAttemptResponse(a.Attempt, a.StatusCode, a.LatencyMs, a.ResponseExcerpt, a.Error, a.AttemptedAt)).ToList()))
            .ToList();
    }
}
