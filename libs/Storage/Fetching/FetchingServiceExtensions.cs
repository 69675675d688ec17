using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Platform.Storage.Fetching;

public static class FetchingServiceExtensions
{
    /// <summary>
    /// <see cref="InputFetcher"/> over a named HttpClient whose connections pass the address guard, with retries
    /// (exponential back-off on 5xx, 408, 429 and timeouts; never on other 4xx or blocked addresses) and a per-attempt timeout.
    /// Needs a <see cref="Blobs.BlobStore"/> registered.
    /// </summary>
    public static IServiceCollection AddInputFetching(this IServiceCollection services)
    {
        services.AddOptions<FetchingOptions>().BindConfiguration(FetchingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InputFetcher>();
        services.AddHttpClient(InputFetcher.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => CreateHandler(provider.GetRequiredService<IOptions<FetchingOptions>>().Value))
            .AddResilienceHandler("input-fetching", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<FetchingOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                    ShouldHandle = args => ValueTask.FromResult(
                        options.MaxRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome) && !HttpFailures.IsBlocked(args.Outcome.Exception)),
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }

    private static SocketsHttpHandler CreateHandler(FetchingOptions options)
    {
        var handler = GuardedHttpHandler.Create(options.AllowPrivateNetworks, options.ConnectTimeout);
        handler.AllowAutoRedirect = options.MaxRedirects > 0;
        handler.MaxAutomaticRedirections = Math.Max(options.MaxRedirects, 1);
        handler.MaxConnectionsPerServer = options.MaxConcurrency;
        return handler;
    }
}
