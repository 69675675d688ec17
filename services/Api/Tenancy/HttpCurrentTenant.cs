namespace Platform.Api.Tenancy;

/// <summary>
/// The tenant of the authenticated caller: its API key's tenant, or the default tenant for a keyless request in
/// Development (the authentication handler gives that request the default tenant's claim).
/// </summary>
internal sealed class HttpCurrentTenant(IHttpContextAccessor accessor) : ICurrentTenant
{
    public Guid Id =>
        accessor.HttpContext?.User.FindFirst(TenantClaims.TenantId)?.Value is { } claim && Guid.TryParse(claim, out var id)
            ? id
            // Only an endpoint outside the authorized /v1 group can get here: a bug, not a request to serve.
            : throw new InvalidOperationException("The request has no authenticated tenant.");
}
