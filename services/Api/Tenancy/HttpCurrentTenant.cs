using Platform.Data.Entities;

namespace Platform.Api.Tenancy;

/// <summary>
/// The tenant of the authenticated caller; a request without one (only possible where authentication is not
/// required, i.e. in Development) acts for the default tenant.
/// </summary>
internal sealed class HttpCurrentTenant(IHttpContextAccessor accessor) : ICurrentTenant
{
    public Guid Id =>
        accessor.HttpContext?.User.FindFirst(TenantClaims.TenantId)?.Value is { } claim && Guid.TryParse(claim, out var id)
            ? id
            : Tenant.DefaultId;
}
