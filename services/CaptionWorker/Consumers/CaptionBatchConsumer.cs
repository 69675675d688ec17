using MassTransit;
using Platform.CaptionWorker.Services;
using Platform.Contracts;
using Platform.Workers.Batches;

namespace Platform.CaptionWorker.Consumers;

/// <summary>Queue <c>caption-batch</c>: claims, captions and reports one batch.</summary>
public sealed class CaptionBatchConsumer(BatchProtocol protocol, CaptionService captions) : IConsumer<CaptionBatch>
{
    public Task Consume(ConsumeContext<CaptionBatch> context)
    {
        var batch = context.Message;
        return protocol.RunAsync(
            context, new BatchRequest("caption", batch.JobId, batch.BatchIndex, batch.Items, batch.Languages), (outcome, token) => captions.CaptionAsync(batch, outcome, token));
    }
}
