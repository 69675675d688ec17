using Microsoft.Extensions.DependencyInjection;

namespace Platform.Exports;

public static class ExportServiceExtensions
{
    /// <summary>Export writing; needs the <c>NpgsqlDataSource</c> and <c>BlobStore</c> the service defaults register.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ResultRowReader>();
        services.AddSingleton<ExportWriter>();
        services.AddSingleton<ExportStore>();
        return services;
    }
}
