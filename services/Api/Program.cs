using Platform.Api.Extensions;
using Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddJobsApi();

var app = builder.Build();
await app.MigrateDatabaseAsync();
app.MapDefaultEndpoints();
app.MapJobsApi();
await app.RunAsync();

/// <summary>Entry point; public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
