using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Platform.Api.Tenancy;

namespace Platform.Testing;

/// <summary>
/// Stands in for authentication in tests: a request with <see cref="Name"/> acts as an authenticated caller of that
/// tenant (the claim the real <see cref="ICurrentTenant"/> reads); without it, as the default tenant.
/// </summary>
public sealed class TestTenantHeader : IStartupFilter
{
    public const string Name = "X-Test-Tenant";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Name].ToString() is { Length: > 0 } tenant)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(TenantClaims.TenantId, tenant)], "test"));
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
