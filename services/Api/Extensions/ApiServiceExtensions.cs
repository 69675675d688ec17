using System.Text.Json.Serialization;
using Platform.Api.Consumers;
using Platform.Api.Jobs;
using Platform.Api.Options;
using Platform.Api.Services;
using Platform.Hosting;

namespace Platform.Api.Extensions;

public static class ApiServiceExtensions
{
    public static IHostApplicationBuilder AddJobsApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CheckpointWatchOptions>().BindConfiguration(CheckpointWatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<BatchCompletedConsumer>(typeof(JobEventConsumerDefinition<BatchCompletedConsumer>));
            bus.AddConsumer<JobScoredConsumer>(typeof(JobEventConsumerDefinition<JobScoredConsumer>));
        });
        builder.AddHangfireJobs();

        builder.Services.AddSingleton<DatasetIngestion>();
        builder.Services.AddSingleton<CheckpointRegistry>();
        builder.Services.AddSingleton<JobProgress>();
        builder.Services.AddSingleton<BatchPublisher>();
        builder.Services.AddSingleton<BatchAbandonment>();
        builder.Services.AddSingleton<JobWriter>();
        builder.Services.AddSingleton<IdempotentCreation>();
        builder.Services.AddSingleton<JobCreator>();
        builder.Services.AddSingleton<ScoringJobCreator>();
        builder.Services.AddSingleton<JobQueries>();
        builder.Services.AddSingleton<JobCancellation>();
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
