using Hangfire;
using Microsoft.Extensions.Options;
using Platform.Api.Apis;
using Platform.Api.Jobs;
using Platform.Api.Options;

namespace Platform.Api.Extensions;

public static class ApiEndpointExtensions
{
    public static WebApplication MapJobsApi(this WebApplication app)
    {
        // Kestrel's own rejections (e.g. a chunked upload past the size limit) keep their status instead of becoming 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapDatasetsEndpoints();
        app.MapCheckpointsEndpoints();
        app.MapJobsEndpoints();
        app.MapEvaluationsEndpoints();
        app.MapScoresEndpoints();
        var dashboard = app.Configuration.GetSection(DashboardCredentials.Section).Get<DashboardCredentials>() ?? new DashboardCredentials();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardAuthorizationFilter(app.Environment.IsDevelopment(), dashboard)],
        });

        var jobs = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<LeaseSweepJob>(LeaseSweepJob.RecurringJobId, sweep => sweep.RunAsync(CancellationToken.None), jobs.LeaseSweepCron);
        CheckpointWatchJob.Schedule(app.Services);
        return app;
    }
}
