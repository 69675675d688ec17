using MassTransit;
using Platform.Contracts;
using Platform.EvalWorker.Services;
using Platform.Metrics;

namespace Platform.EvalWorker.Consumers;

/// <summary>
/// Scores a job and reports it. Input that cannot be scored (unknown metric, an item whose references are all
/// empty) is answered with an error instead of being retried; anything else is retried by the definition.
/// </summary>
internal sealed class ScoreJobConsumer(JobScorer scorer, ILogger<ScoreJobConsumer> logger) : IConsumer<ScoreJob>
{
    public async Task Consume(ConsumeContext<ScoreJob> context)
    {
        var request = context.Message;
        JobScored scored;
        try
        {
            scored = new JobScored(request.JobId, await scorer.ScoreAsync(request, context.CancellationToken), null);
        }
        catch (Exception exception) when (exception is MetricInputException or ArgumentException)
        {
            logger.LogWarning(exception, "Job {JobId} cannot be scored", request.JobId);
            scored = new JobScored(request.JobId, 0, exception.Message);
        }
        await context.Publish(scored, context.CancellationToken);
    }
}
