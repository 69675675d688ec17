using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Inference.Checkpoints;
using Platform.Inference.Execution;
using Platform.Storage.Checkpoints;
using Platform.Workers.Batches;
using Platform.Workers.Checkpoints;
using Platform.Workers.Health;
using Platform.Workers.Options;
using Platform.Workers.Telemetry;

namespace Platform.Workers.Extensions;

public static class WorkerServiceExtensions
{
    public const string ExecutionSection = "Execution";

    /// <summary>What every inference worker shares: the batch protocol, micro-batching, the checkpoint caches and their readiness, the worker metrics.</summary>
    public static IHostApplicationBuilder AddInferenceWorker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CheckpointCacheOptions>().BindConfiguration(CheckpointCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var execution = builder.Configuration.GetSection(ExecutionSection).Get<ExecutionOptions>() ?? new ExecutionOptions();
        services.AddSingleton(provider => new SessionFactory(execution, provider.GetRequiredService<ILogger<SessionFactory>>()));
        services.AddSingleton<CheckpointCache>();
        services.AddSingleton<CheckpointDownloader>();
        services.AddSingleton<CheckpointDiskCache>();
        services.AddSingleton<CheckpointProvider>();
        services.AddSingleton<AdaptiveBatchSize>();
        services.AddSingleton<MicroBatcher>();
        services.AddSingleton<BatchProtocol>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkerMetrics>();
        services.AddHealthChecks().AddCheck<CheckpointsHealthCheck>("inference", tags: ["ready"]);
        return builder;
    }
}
