using Hangfire;
using Microsoft.Extensions.Options;
using Platform.Api.Jobs;
using Platform.Api.Options;

namespace Platform.Api.Webhooks;

/// <summary>
/// Puts attempts of a delivery on Hangfire, by the configured retry schedule. Call inside an ambient transaction
/// with the change that makes the attempt due, so both exist or neither does.
/// </summary>
internal sealed class WebhookAttemptScheduler(IBackgroundJobClient backgroundJobs, IOptions<WebhookOptions> options)
{
    private readonly IReadOnlyList<TimeSpan> schedule = RetrySchedule.Parse(options.Value.RetrySchedule);

    /// <summary>The delay before attempt number <paramref name="attempt"/> (from 1), or null when the schedule has no such attempt.</summary>
    public TimeSpan? DelayBefore(int attempt) => attempt >= 1 && attempt <= schedule.Count ? schedule[attempt - 1] : null;

    public void Schedule(Guid deliveryId, int attempt, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            backgroundJobs.Enqueue<WebhookDeliveryJob>(job => job.RunAsync(deliveryId, attempt, CancellationToken.None));
        }
        else
        {
            backgroundJobs.Schedule<WebhookDeliveryJob>(job => job.RunAsync(deliveryId, attempt, CancellationToken.None), delay);
        }
    }
}
