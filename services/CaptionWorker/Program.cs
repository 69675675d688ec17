using Platform.CaptionWorker.Extensions;
using Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCaptionWorker();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
