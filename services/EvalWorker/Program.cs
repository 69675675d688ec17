using Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMessaging(_ => { });

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
