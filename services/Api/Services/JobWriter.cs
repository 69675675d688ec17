using Hangfire;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>
/// Writes new job rows, whatever else their creation stores, and their first Hangfire jobs in one transaction, so a
/// job is never half-created: either all of it exists or none of it does.
/// </summary>
internal sealed class JobWriter(IDbContextFactory<PlatformDbContext> contexts, IBackgroundJobClient backgroundJobs)
{
    /// <param name="alongside">Stores more in the same transaction; a problem it returns rolls everything back.</param>
    /// <returns>The problem <paramref name="alongside"/> returned, or null when all is committed.</returns>
    public async Task<string?> InsertAsync(
        IReadOnlyList<Job> jobs,
        Action<IBackgroundJobClient, Job> enqueue,
        CancellationToken cancellationToken,
        Func<PlatformDbContext, CancellationToken, Task<string?>>? alongside = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Hangfire.PostgreSql enlists in the ambient transaction; with the same connection string Npgsql reuses
        // the one physical connection (once ours is closed), so this stays a local (not a prepared) transaction.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            using var scope = AmbientTransaction.Begin();
            await using (var attempt = await contexts.CreateDbContextAsync(cancellationToken))
            {
                attempt.Jobs.AddRange(jobs);
                await attempt.SaveChangesAsync(cancellationToken);
                if (alongside is not null && await alongside(attempt, cancellationToken) is { } problem)
                {
                    return problem;
                }
            }
            foreach (var job in jobs)
            {
                enqueue(backgroundJobs, job);
            }
            scope.Complete();
            return null;
        });
    }
}
