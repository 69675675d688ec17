using Platform.Api.Authentication;

namespace Platform.Api.Extensions;

internal static class AuthenticationExtensions
{
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(
                ApiKeyDefaults.Scheme, options => options.KeylessActsAsDefaultTenant = isDevelopment);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Client, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(ApiPolicies.Admin, policy => policy.RequireRole(ApiKeyDefaults.AdminRole));
        return builder;
    }
}
