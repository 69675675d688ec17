using Hangfire;
using Platform.Api.Services;

namespace Platform.Api.Jobs;

/// <summary>
/// Writes a settled job's exports (every format) to blob storage. Enqueued in the transaction that settles the job;
/// retried by Hangfire, and harmless to run again: a format already recorded for this settlement is kept.
/// </summary>
internal sealed class ExportJob(JobExports exports)
{
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(Guid jobId, CancellationToken cancellationToken) => exports.WriteMissingAsync(jobId, cancellationToken);
}
