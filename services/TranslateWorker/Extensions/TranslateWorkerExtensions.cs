using MassTransit;
using Platform.Hosting;
using Platform.TranslateWorker.Consumers;
using Platform.TranslateWorker.Services;
using Platform.Workers.Batches;
using Platform.Workers.Extensions;
using Platform.Workers.Translation;

namespace Platform.TranslateWorker.Extensions;

public static class TranslateWorkerExtensions
{
    public static IHostApplicationBuilder AddTranslateWorker(this IHostApplicationBuilder builder)
    {
        builder.AddInferenceWorker();
        builder.Services.AddOptions<TranslationQualityOptions>().BindConfiguration(TranslationQualityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<QualityFlags>();
        builder.Services.AddSingleton<TranslationService>();
        builder.AddMessaging(bus => bus.AddConsumer<TranslateBatchConsumer, BatchConsumerDefinition<TranslateBatchConsumer>>());
        return builder;
    }
}
