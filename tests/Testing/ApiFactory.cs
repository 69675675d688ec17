using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Testing;

/// <summary>The real Api in process, on its own database and blob container of the shared test stack.</summary>
public sealed class ApiFactory(string postgres, string container) : WebApplicationFactory<Program>
{
    public const long MaxUploadBytes = 1 << 20;

    /// <summary>Configuration on top of the test defaults (e.g. <c>Webhooks:RetrySchedule</c>).</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    /// <summary>Registrations the test adds to the Api's (e.g. a startup filter that sets the caller's tenant).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", postgres);
        builder.UseSetting("ConnectionStrings:RabbitMq", StackEnvironment.RabbitMq);
        builder.UseSetting("ConnectionStrings:Blobs", StackEnvironment.Blobs);
        builder.UseSetting("Uploads:Container", container);
        builder.UseSetting("Uploads:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:LeaseSweepCron", "*/1 * * * * *");
        foreach (var (key, value) in Settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }
}
