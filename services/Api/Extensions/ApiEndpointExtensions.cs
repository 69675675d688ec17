using Hangfire;
using Microsoft.Extensions.Options;
using Platform.Api.Apis;
using Platform.Api.Authentication;
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
        // Rate limiting after authentication (it partitions by key) and before authorization (refused keys count too).
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi();
        // Every /v1 endpoint needs a caller and counts against its key's rate limit; health, metrics and the dashboard do not.
        var v1 = app.MapGroup("/v1").RequireAuthorization(ApiPolicies.Client).RequireRateLimiting(ApiPolicies.PerKey);
        v1.MapDatasetsEndpoints();
        v1.MapCheckpointsEndpoints();
        v1.MapJobsEndpoints();
        v1.MapExportsEndpoints();
        v1.MapEvaluationsEndpoints();
        v1.MapScoresEndpoints();
        v1.MapAdminEndpoints();
        v1.MapWebhookEndpointsEndpoints();
        v1.MapWebhookDeliveriesEndpoints();
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
