using MassTransit;

namespace Platform.Api.Consumers;

internal sealed class BatchCompletedConsumerDefinition : ConsumerDefinition<BatchCompletedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<BatchCompletedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = 64;
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200)));
    }
}
