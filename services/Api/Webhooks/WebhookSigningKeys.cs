using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>The secrets a delivery is signed with: its endpoint's (and the one it replaced, while that overlaps), or its job's.</summary>
internal sealed class WebhookSigningKeys(WebhookSecrets secrets, TimeProvider clock)
{
    /// <returns>The secrets in clear, or null when the delivery's endpoint is disabled and gets nothing more.</returns>
    public async Task<IReadOnlyList<string>?> ForAsync(PlatformDbContext db, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.EndpointId is not { } endpointId)
        {
            var stored = await db.Jobs.Where(j => j.Id == delivery.JobId).Select(j => j.WebhookSecret).SingleAsync(cancellationToken);
            return [secrets.Reveal(stored!)];
        }
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId, cancellationToken);
        if (endpoint.DisabledAt is not null)
        {
            return null;
        }
        return endpoint is { PreviousSecret: { } previous, PreviousSecretExpiresAt: { } expires } && expires > clock.GetUtcNow()
            ? [secrets.Reveal(endpoint.Secret), secrets.Reveal(previous)]
            : [secrets.Reveal(endpoint.Secret)];
    }
}
