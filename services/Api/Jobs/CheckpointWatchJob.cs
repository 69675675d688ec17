using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Platform.Api.Options;
using Platform.Api.Services;

namespace Platform.Api.Jobs;

/// <summary>The recurring scan of one configured training run (see <see cref="CheckpointWatcher"/>).</summary>
internal sealed class CheckpointWatchJob(CheckpointWatcher watcher, IOptions<CheckpointWatchOptions> options, ILogger<CheckpointWatchJob> logger)
{
    public const string RecurringJobPrefix = "checkpoint-watch:";

    // A missed scan is made up by the next one: no retries, and no two scans of a run at once.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    public async Task RunAsync(string watchName, CancellationToken cancellationToken)
    {
        if (options.Value.Watches.FirstOrDefault(w => w.Name == watchName) is not { } watch)
        {
            logger.LogWarning("Checkpoint watch {Watch} is no longer configured", watchName);
            return;
        }
        await watcher.ScanAsync(watch, cancellationToken);
    }

    /// <summary>Schedules a scan per configured watch and removes the schedules of watches no longer configured.</summary>
    public static void Schedule(IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        var watches = services.GetRequiredService<IOptions<CheckpointWatchOptions>>().Value.Watches;
        using (var connection = services.GetRequiredService<JobStorage>().GetConnection())
        {
            foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id)
                .Where(id => id.StartsWith(RecurringJobPrefix, StringComparison.Ordinal) && watches.All(w => RecurringJobPrefix + w.Name != id)))
            {
                manager.RemoveIfExists(stale);
            }
        }
        foreach (var watch in watches)
        {
            manager.AddOrUpdate<CheckpointWatchJob>(RecurringJobPrefix + watch.Name, job => job.RunAsync(watch.Name, CancellationToken.None), watch.Cron);
        }
    }
}
