using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Testing;

/// <summary>
/// The real Api in process, on its own database and blob container of the shared test stack. Development by default
/// (keyless requests act for the default tenant); give <paramref name="environment"/> "Production" to require API keys,
/// and <paramref name="settings"/> for any other configuration.
/// </summary>
public sealed class ApiFactory(
    string postgres, string container, string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const long MaxUploadBytes = 1 << 20;

    public const long MaxItemsPerJob = 2000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Postgres", postgres);
        builder.UseSetting("ConnectionStrings:RabbitMq", StackEnvironment.RabbitMq);
        builder.UseSetting("ConnectionStrings:Blobs", StackEnvironment.Blobs);
        builder.UseSetting("Uploads:Container", container);
        builder.UseSetting("Uploads:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:MaxItemsPerJob", MaxItemsPerJob.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:LeaseSweepCron", "*/1 * * * * *");
        // Small keyset pages and Parquet row groups, so that exports cross their boundaries in tests.
        builder.UseSetting("Exports:PageRows", "1000");
        builder.UseSetting("Exports:RowGroupRows", "3000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
