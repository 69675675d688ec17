using MassTransit;
using Platform.Api.Services;
using Platform.Contracts;

namespace Platform.Api.Consumers;

internal sealed class JobScoredConsumer(JobScoring scoring) : IConsumer<JobScored>
{
    public Task Consume(ConsumeContext<JobScored> context) =>
        scoring.SettleAsync(context.Message.JobId, context.Message.MetricRows, context.Message.Error, context.CancellationToken);
}
