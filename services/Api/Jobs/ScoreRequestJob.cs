using Hangfire;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Jobs;

/// <summary>
/// Asks EvalWorker to score a job whose generation is done (or a scoring job, at once). Retried by Hangfire until
/// the broker takes the message; a duplicate request only rewrites the same metric rows.
/// </summary>
internal sealed class ScoreRequestJob(IDbContextFactory<PlatformDbContext> contexts, IBus bus, ILogger<ScoreRequestJob> logger)
{
    [AutomaticRetry(Attempts = 10)]
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is not { Status: JobStatus.Running, Parameters.Scoring: { } scoring })
        {
            logger.LogInformation("Job {JobId} is no longer waiting to be scored", jobId);
            return;
        }
        await bus.Publish(
            new ScoreJob(job.Id, job.CheckpointId, job.DatasetId, scoring.Languages, scoring.Metrics, scoring.Tokenize, scoring.Lowercase, scoring.HypothesesJobId),
            cancellationToken);
        logger.LogInformation("Scoring of job {JobId} requested", jobId);
    }
}
