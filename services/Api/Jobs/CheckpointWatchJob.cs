using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Options;
using Platform.Api.Services;
using Platform.Data;

namespace Platform.Api.Jobs;

/// <summary>The recurring scan of one configured training run (see <see cref="CheckpointWatcher"/>).</summary>
internal sealed class CheckpointWatchJob(
    CheckpointWatcher watcher, NpgsqlDataSource dataSource, IOptions<CheckpointWatchOptions> options, ILogger<CheckpointWatchJob> logger)
{
    public const string RecurringJobPrefix = "checkpoint-watch:";

    /// <summary>
    /// A missed scan is made up by the next one: no retries. A scan that finds the previous one of the same watch still
    /// running (registration hashes every file of a checkpoint) leaves it the work; scans of other watches go on.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string watchName, CancellationToken cancellationToken)
    {
        if (options.Value.Watches.FirstOrDefault(w => w.Name == watchName) is not { } watch)
        {
            logger.LogWarning("Checkpoint watch {Watch} is no longer configured", watchName);
            return;
        }
        // A session advisory lock per watch: released by the unlock below, or by the session's end if this process dies.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var key = ("key", (object?)(RecurringJobPrefix + watchName));
        await using (var tryLock = connection.CreateCommand("SELECT pg_try_advisory_lock(hashtext(@key))", key))
        {
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                logger.LogInformation("Checkpoint watch {Watch} is still being scanned; this scan is skipped", watchName);
                return;
            }
        }
        try
        {
            await watcher.ScanAsync(watch, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@key))", CancellationToken.None, key);
        }
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
