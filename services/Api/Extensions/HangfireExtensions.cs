using Hangfire;
using Hangfire.PostgreSql;
using Platform.Hosting;
using Platform.Hosting.Options;

namespace Platform.Api.Extensions;

internal static class HangfireExtensions
{
    public static IHostApplicationBuilder AddHangfireJobs(this IHostApplicationBuilder builder)
    {
        // The very same connection string as the application's: transaction-scope enlistment then reuses the
        // application's connection instead of asking PostgreSQL for a prepared (distributed) transaction.
        var postgres = builder.Configuration.GetRequiredConnectionString(ConnectionStringNames.Postgres);
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(postgres),
                new PostgreSqlStorageOptions
                {
                    EnableTransactionScopeEnlistment = true,
                    PrepareSchemaIfNecessary = true,
                    // A job whose server died is picked up again quickly instead of after 30 minutes.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.FromMilliseconds(250),
                }));
        builder.Services.AddHangfireServer(options => options.SchedulePollingInterval = TimeSpan.FromSeconds(1));
        return builder;
    }
}
