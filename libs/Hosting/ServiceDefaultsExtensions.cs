using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using Platform.Data;
using Platform.Data.Bulk;
using Platform.Data.Ledger;
using Platform.Hosting.Health;
using Platform.Hosting.Options;
using Platform.Storage.Blobs;

namespace Platform.Hosting;

public static class ServiceDefaultsExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>Logging, PostgreSQL, blob storage, health checks and metrics shared by every service.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetRequiredConnectionString(ConnectionStringNames.Postgres);
        var blobs = builder.Configuration.GetRequiredConnectionString(ConnectionStringNames.Blobs);

        builder.AddStructuredLogging();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(postgres));
        builder.Services.AddDbContextFactory<PlatformDbContext>(options => PlatformDbContextOptions.Configure(options, postgres));
        builder.Services.AddBlobStore(blobs);
        builder.Services.AddSingleton<ResultWriter>();
        builder.Services.AddSingleton<BatchClaims>();

        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag])
            .AddCheck<SchemaHealthCheck>("schema", tags: [ReadyTag])
            .AddCheck<BlobStorageHealthCheck>("blob-storage", tags: [ReadyTag]);

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            // System.Runtime: GC heap, allocation, working set and thread-pool metrics of the process itself.
            .AddMeter("Platform.*", "MassTransit", "System.Runtime")
            // No scrape cache (300 ms by default): a scrape right after a change must show it.
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
