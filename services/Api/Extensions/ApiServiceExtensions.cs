using System.Text.Json.Serialization;
using Platform.Api.Authentication;
using Platform.Api.Consumers;
using Platform.Api.Jobs;
using Platform.Api.Options;
using Platform.Api.Services;
using Platform.Api.Tenancy;
using Platform.Exports;
using Platform.Hosting;
using Platform.Storage.Checkpoints;

namespace Platform.Api.Extensions;

public static class ApiServiceExtensions
{
    public static IHostApplicationBuilder AddJobsApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CheckpointWatchOptions>().BindConfiguration(CheckpointWatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOpenApi(options => options.AddApiKeyScheme());
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentTenant, HttpCurrentTenant>();
        builder.AddApiKeyAuthentication();
        builder.AddPerKeyRateLimiting();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<BatchCompletedConsumer>(typeof(JobEventConsumerDefinition<BatchCompletedConsumer>));
            bus.AddConsumer<JobScoredConsumer>(typeof(JobEventConsumerDefinition<JobScoredConsumer>));
        });
        builder.AddHangfireJobs();
        builder.AddWebhooks();

        builder.Services.AddSingleton<DatasetIngestion>();
        builder.Services.AddSingleton<CheckpointDownloader>();
        builder.Services.AddSingleton<CheckpointValidator>();
        builder.Services.AddSingleton<CheckpointRegistry>();
        builder.Services.AddSingleton<EnlistedConnections>();
        builder.Services.AddSingleton<JobCompletion>();
        builder.Services.AddSingleton<JobProgress>();
        builder.Services.AddSingleton<PendingBatchReader>();
        builder.Services.AddSingleton<BatchPublisher>();
        builder.Services.AddSingleton<BatchAbandonment>();
        builder.Services.AddSingleton<JobWriter>();
        builder.Services.AddSingleton<IdempotentCreation>();
        builder.Services.AddSingleton<JobCreator>();
        builder.Services.AddSingleton<ScoringJobCreator>();
        builder.Services.AddSingleton<JobQueries>();
        builder.Services.AddSingleton<JobCancellation>();
        builder.Services.AddSingleton<FailedItemRetry>();
        builder.Services.AddExports();
        builder.Services.AddSingleton<JobExports>();
        builder.Services.AddTransient<ExportJob>();
        builder.Services.AddTransient<PlanJob>();
        builder.Services.AddSingleton<JobScoring>();
        builder.Services.AddSingleton<MetricQueries>();
        builder.Services.AddTransient<LeaseSweepJob>();
        builder.Services.AddTransient<ScoreRequestJob>();
        builder.Services.AddSingleton<CheckpointWatcher>();
        builder.Services.AddTransient<CheckpointWatchJob>();
        return builder;
    }
}
