using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Apis.Models;
using Platform.Api.Options;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>A tenant's webhook endpoints: registered with a secret shown once, listed, rotated and disabled; never another tenant's.</summary>
internal sealed class WebhookEndpointStore(
    IDbContextFactory<PlatformDbContext> contexts,
    WebhookSecrets secrets,
    IOptions<WebhookOptions> options,
    TimeProvider clock)
{
    /// <returns>The endpoint with its secret in clear.</returns>
    public async Task<WebhookEndpointResponse> CreateAsync(Guid tenantId, Uri url, IReadOnlyList<string> events, string? description, CancellationToken cancellationToken)
    {
        var (secret, protectedSecret) = secrets.Generate();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Url = url.AbsoluteUri,
            Events = events.Distinct().ToList(),
            Description = description,
            Secret = protectedSecret,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookEndpointResponse.From(endpoint) with { Secret = secret };
    }

    public async Task<IReadOnlyList<WebhookEndpointResponse>> ListAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.TenantId == tenantId)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return endpoints.Select(WebhookEndpointResponse.From).ToList();
    }

    public async Task<WebhookEndpointResponse?> GetAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.TenantId == tenantId, cancellationToken);
        return endpoint is null ? null : WebhookEndpointResponse.From(endpoint);
    }

    /// <summary>Deleting keeps the row (its deliveries refer to it) but sends nothing more; repeating it changes nothing.</summary>
    /// <returns>False when the tenant has no such endpoint.</returns>
    public async Task<bool> DisableAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id && e.TenantId == tenantId, cancellationToken);
        if (endpoint is null)
        {
            return false;
        }
        if (endpoint.DisabledAt is null)
        {
            endpoint.DisabledAt = clock.GetUtcNow();
            endpoint.DisabledReason = "Deleted.";
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>A new secret, shown once; the old one keeps signing beside it for the configured overlap.</summary>
    /// <returns>Null when the tenant has no such endpoint.</returns>
    public async Task<WebhookEndpointResponse?> RotateSecretAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id && e.TenantId == tenantId, cancellationToken);
        if (endpoint is null)
        {
            return null;
        }
        var (secret, protectedSecret) = secrets.Generate();
        endpoint.PreviousSecret = endpoint.Secret;
        endpoint.PreviousSecretExpiresAt = clock.GetUtcNow() + options.Value.RotatedSecretOverlap;
        endpoint.Secret = protectedSecret;
        await db.SaveChangesAsync(cancellationToken);
        return WebhookEndpointResponse.From(endpoint) with { Secret = secret };
    }
}
