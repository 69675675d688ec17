using MassTransit;
using Platform.CaptionWorker.Consumers;
using Platform.CaptionWorker.Services;
using Platform.Hosting;
using Platform.Storage.Fetching;
using Platform.Workers.Batches;
using Platform.Workers.Extensions;

namespace Platform.CaptionWorker.Extensions;

public static class CaptionWorkerExtensions
{
    public static IHostApplicationBuilder AddCaptionWorker(this IHostApplicationBuilder builder)
    {
        builder.AddInferenceWorker();
        builder.Services.AddInputFetching();
        builder.Services.AddSingleton<ImagePreparation>();
        builder.Services.AddSingleton<CaptionService>();
        builder.AddMessaging(bus => bus.AddConsumer<CaptionBatchConsumer, BatchConsumerDefinition<CaptionBatchConsumer>>());
        return builder;
    }
}
