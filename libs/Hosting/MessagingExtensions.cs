using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Hosting.Options;

namespace Platform.Hosting;

public static class MessagingExtensions
{
    /// <summary>Time for cancelled consumers to unwind and the bus to close its channels after the finishing time.</summary>
    private static readonly TimeSpan ReturnGrace = TimeSpan.FromSeconds(10);

    /// <summary>MassTransit over RabbitMQ; <paramref name="configure"/> adds this service's consumers.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        var rabbit = new Uri(builder.Configuration.GetRequiredConnectionString(ConnectionStringNames.RabbitMq));
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var stopTimeout = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>()?.StopTimeoutSeconds ?? new MessagingOptions().StopTimeoutSeconds;

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            configure(bus);
            bus.UsingRabbitMq((context, rabbitMq) =>
            {
                rabbitMq.Host(rabbit);
                rabbitMq.ConfigureEndpoints(context);
            });
        });
        var finish = TimeSpan.FromSeconds(stopTimeout);
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = true;
            // In-flight batches get `finish` to complete; then their token is cancelled and their deliveries go back
            // to the queue unacknowledged, for another worker. The host waits for both before it gives up.
            options.ConsumerStopTimeout = finish;
            options.StopTimeout = finish + ReturnGrace;
        });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = finish + ReturnGrace + ReturnGrace);
        return builder;
    }
}
