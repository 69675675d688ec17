using MassTransit;

namespace Platform.EvalWorker.Consumers;

/// <summary>A scoring pass reads a whole job, so few run at once; transient failures (database, broker) are retried.</summary>
internal sealed class ScoreJobConsumerDefinition : ConsumerDefinition<ScoreJobConsumer>
{
    public ScoreJobConsumerDefinition() => ConcurrentMessageLimit = 2;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ScoreJobConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = 2;
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(2)));
    }
}
