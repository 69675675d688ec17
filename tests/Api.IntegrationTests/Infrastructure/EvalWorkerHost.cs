extern alias EvalWorker;

using EvalWorker::Platform.EvalWorker.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Platform.Hosting;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>The real EvalWorker composition (service defaults, its consumer and definition) in process, on the test's database.</summary>
public static class EvalWorkerHost
{
    public static async Task<WebApplication> StartAsync(string postgres)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:Postgres"] = postgres;
        builder.Configuration["ConnectionStrings:RabbitMq"] = StackEnvironment.RabbitMq;
        builder.Configuration["ConnectionStrings:Blobs"] = StackEnvironment.Blobs;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddEvalWorker();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return app;
    }
}
