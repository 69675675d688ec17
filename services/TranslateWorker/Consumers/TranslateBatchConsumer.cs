using MassTransit;
using Platform.Contracts;
using Platform.TranslateWorker.Services;
using Platform.Workers.Batches;

namespace Platform.TranslateWorker.Consumers;

/// <summary>Queue <c>translate-batch</c>: claims, translates and reports one batch.</summary>
public sealed class TranslateBatchConsumer(BatchProtocol protocol, TranslationService translations) : IConsumer<TranslateBatch>
{
    public Task Consume(ConsumeContext<TranslateBatch> context)
    {
        var batch = context.Message;
        return protocol.RunAsync(
            context, new BatchRequest("translate", batch.JobId, batch.BatchIndex, batch.Items, batch.TargetLanguages), (outcome, token) => translations.TranslateAsync(batch, outcome, token));
    }
}
