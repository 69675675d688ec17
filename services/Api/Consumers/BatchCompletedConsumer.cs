using MassTransit;
using Platform.Api.Services;
using Platform.Contracts;

namespace Platform.Api.Consumers;

internal sealed class BatchCompletedConsumer(JobProgress progress) : IConsumer<BatchCompleted>
{
    public Task Consume(ConsumeContext<BatchCompleted> context)
    {
        var message = context.Message;
        return progress.RecordBatchAsync(
            message.JobId, message.BatchIndex, message.ItemsSucceeded, message.ItemsFailed, "Completed", context.CancellationToken);
    }
}
