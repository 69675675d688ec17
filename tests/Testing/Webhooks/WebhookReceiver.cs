using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Testing.Webhooks;

/// <summary>
/// A webhook receiver on a loopback port (Kestrel): records every request and answers what <see cref="Respond"/>
/// says for it. It can be stopped (connections refused) and started again on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private int requests;
    private WebApplication? app;

    public int Port { get; private set; }

    /// <summary>The status to answer, from the request's path and its number (from 1) among all requests.</summary>
    public Func<string, int, int> Respond { get; set; } = (_, _) => StatusCodes.Status200OK;

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    public IReadOnlyList<ReceivedWebhook> ReceivedOn(string path) => [.. received.Where(r => r.Path == "/" + path)];

    public Uri Url(string path, string host = "127.0.0.1") => new($"http://{host}:{Port}/{path}");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync(0);
        return receiver;
    }

    /// <summary>Listens again on the port it had.</summary>
    public Task RestartAsync() => StartAsync(Port);

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    private async Task StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/{**path}", HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Urls.Single()).Port;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        received.Enqueue(new ReceivedWebhook(request.Path.Value!, headers, body.ToArray(), DateTimeOffset.UtcNow));
        var status = Respond(request.Path.Value!.TrimStart('/'), Interlocked.Increment(ref requests));
        return status == StatusCodes.Status204NoContent ? Results.NoContent() : Results.Text($"receiver answered {status}", statusCode: status);
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
