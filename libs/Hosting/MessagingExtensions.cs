using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Hosting.Options;

namespace Platform.Hosting;

public static class MessagingExtensions
{
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
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = true;
            options.StopTimeout = TimeSpan.FromSeconds(stopTimeout);
        });
        return builder;
    }
}
