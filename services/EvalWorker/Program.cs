using Platform.EvalWorker.Extensions;
using Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEvalWorker();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
