using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Workers.Options;

namespace Platform.Workers.Batches;

/// <summary>Concurrency, prefetch and retry of a batch consumer, from <see cref="WorkerOptions"/>.</summary>
public class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly WorkerOptions options;

    public BatchConsumerDefinition(IOptions<WorkerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        ConcurrentMessageLimit = this.options.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.PrefetchCount = options.PrefetchCount;
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(
            options.RetryLimit, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2)));
    }
}
