using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Platform.Api.Jobs;
using Platform.Api.Options;
using Platform.Api.Webhooks;
using Platform.Data;
using Platform.Storage.Fetching;

namespace Platform.Api.Extensions;

internal static class WebhookExtensions
{
    /// <summary>Webhook delivery: options, the secrets' key ring, the guarded HttpClient, and the services around them.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // In PostgreSQL, so every Api instance (and every restart) can read the secrets the others stored.
        builder.Services.AddDataProtection().SetApplicationName("platform-api").PersistKeysToDbContext<PlatformDbContext>();
        builder.Services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                var handler = GuardedHttpHandler.Create(options.AllowPrivateNetworks, options.ConnectTimeout);
                // A redirect is the receiver's answer, logged as such: following it would deliver somewhere not registered.
                handler.AllowAutoRedirect = false;
                return handler;
            });
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<WebhookUrlPolicy>();
        builder.Services.AddSingleton<WebhookEndpointValidator>();
        builder.Services.AddSingleton<WebhookEndpointStore>();
        builder.Services.AddSingleton<WebhookAttemptScheduler>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddSingleton<WebhookSigningKeys>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<WebhookAttemptRecorder>();
        builder.Services.AddSingleton<WebhookRedelivery>();
        builder.Services.AddSingleton<WebhookDeliveryQueries>();
        builder.Services.AddTransient<WebhookDeliveryJob>();
        return builder;
    }
}
