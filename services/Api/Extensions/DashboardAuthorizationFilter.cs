using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Platform.Api.Options;

namespace Platform.Api.Extensions;

/// <summary>
/// The dashboard is open to loopback callers in Development only; everywhere else it needs the configured
/// Basic credentials, and with none configured it stays closed.
/// </summary>
internal sealed class DashboardAuthorizationFilter(bool isDevelopment, DashboardCredentials options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var remote = http.Connection.RemoteIpAddress;
        // The in-process test server has no remote address: it is local by construction.
        if (isDevelopment && (remote is null || IPAddress.IsLoopback(remote)))
        {
            return true;
        }
        if (HasValidCredentials(http.Request.Headers.Authorization.ToString()))
        {
            return true;
        }
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Hangfire\"";
        return false;
    }

    private bool HasValidCredentials(string header)
    {
        if (options.Username is not { Length: > 0 } user || options.Password is not { Length: > 0 } password
            || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            var given = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())));
            return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes($"{user}:{password}"));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
