using Hangfire;
using Platform.Api.Jobs;
using Platform.Api.Webhooks;

namespace Platform.Api.Services;

/// <summary>
/// What follows a job's settlement, enqueued inside the settling <see cref="AmbientTransaction"/> so it exists exactly
/// when the final status does: its exports, and its webhook deliveries (whose payload links those exports; a download
/// before the export job has run writes the file on demand).
/// </summary>
internal sealed class JobCompletion(IBackgroundJobClient backgroundJobs, WebhookDispatcher webhooks)
{
    public async Task EnqueueAsync(Guid jobId, CancellationToken cancellationToken)
    {
        backgroundJobs.Enqueue<ExportJob>(job => job.RunAsync(jobId, CancellationToken.None));
        await webhooks.EnqueueAsync(jobId, cancellationToken);
    }
}
