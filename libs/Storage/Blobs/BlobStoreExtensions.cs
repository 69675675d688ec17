using Azure.Storage.Blobs;

using Microsoft.Extensions.DependencyInjection;

namespace Platform.Storage.Blobs;

public static class BlobStoreExtensions
{
    /// <summary>Registers one <see cref="BlobServiceClient"/> (thread-safe, meant to be shared) and the <see cref="BlobStore"/> over it.</summary>
    public static IServiceCollection AddBlobStore(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddSingleton(_ => new BlobServiceClient(connectionString));
        services.AddSingleton<BlobStore>();
        return services;
    }
}
