using Microsoft.Extensions.Configuration;

namespace Platform.Hosting;

public static class ConfigurationExtensions
{
    /// <summary>A connection string that must be configured; the message names the key to set.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Missing configuration 'ConnectionStrings:{name}' (environment variable ConnectionStrings__{name}).");
}
