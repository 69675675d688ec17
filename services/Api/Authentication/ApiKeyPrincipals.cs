using System.Security.Claims;
using Platform.Api.Tenancy;
using Platform.Data.Entities;

namespace Platform.Api.Authentication;

internal static class ApiKeyPrincipals
{
    public static ClaimsPrincipal For(ApiKey key)
    {
        var claims = new List<Claim>
        {
            new(TenantClaims.TenantId, key.TenantId.ToString()),
            new(ApiKeyDefaults.KeyIdClaim, key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
        };
        if (key.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, ApiKeyDefaults.AdminRole));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
    }

    /// <summary>A keyless Development request: the default tenant, no key, no admin role.</summary>
    public static ClaimsPrincipal DefaultTenant() =>
        new(new ClaimsIdentity([new Claim(TenantClaims.TenantId, Tenant.DefaultId.ToString())], ApiKeyDefaults.Scheme));
}
