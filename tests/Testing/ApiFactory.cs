using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Testing;

/// <summary>The real Api in process, on its own database and blob container of the shared test stack.</summary>
/// <param name="settings">More configuration, e.g. checkpoint watches.</param>
public sealed class ApiFactory(string postgres, string container, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const long MaxUploadBytes = 1 << 20;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", postgres);
        builder.UseSetting("ConnectionStrings:RabbitMq", StackEnvironment.RabbitMq);
        builder.UseSetting("ConnectionStrings:Blobs", StackEnvironment.Blobs);
        builder.UseSetting("Uploads:Container", container);
        builder.UseSetting("Uploads:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:LeaseSweepCron", "*/1 * * * * *");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
