using Platform.EvalWorker.Consumers;
using Platform.EvalWorker.Services;
using Platform.Hosting;

namespace Platform.EvalWorker.Extensions;

public static class EvalWorkerExtensions
{
    public static IHostApplicationBuilder AddEvalWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SegmentReader>();
        builder.Services.AddSingleton<MetricRowWriter>();
        builder.Services.AddSingleton<JobScorer>();
        builder.AddMessaging(bus => bus.AddConsumer<ScoreJobConsumer>(typeof(ScoreJobConsumerDefinition)));
        return builder;
    }
}
