using Platform.Hosting;
using Platform.TranslateWorker.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTranslateWorker();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
