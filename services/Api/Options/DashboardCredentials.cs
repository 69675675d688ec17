namespace Platform.Api.Options;

/// <summary>Credentials for the Hangfire dashboard outside local development (HTTP Basic). Unset: no remote access.</summary>
public sealed class DashboardCredentials
{
    public const string Section = "Dashboard";

    public string? Username { get; set; }

    public string? Password { get; set; }
}
