using Microsoft.AspNetCore.Authentication;

namespace Platform.Api.Authentication;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>
    /// Development only: a request without a key acts for the default tenant. A request with a key is still
    /// authenticated by it, and a bad key is still refused.
    /// </summary>
    public bool KeylessActsAsDefaultTenant { get; set; }

    /// <summary>How stale a key's last-used time may get before a request writes it again.</summary>
    public TimeSpan LastUsedResolution { get; set; } = TimeSpan.FromMinutes(1);
}
