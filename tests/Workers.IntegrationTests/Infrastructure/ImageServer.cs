using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Workers.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 serving the images and the misbehaving endpoints URL datasets point at:
/// <c>/images/{name}</c>, <c>/status/{code}</c>, <c>/slow</c>, <c>/flaky/{name}</c> (503 on the first request),
/// <c>/gated/{name}</c> (answers once the gate is open), counting hits per path.
/// </summary>
public sealed class ImageServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte[]> images = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> hits = new(StringComparer.Ordinal);
    private TaskCompletionSource gate = NewGate();

    private ImageServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<ImageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var server = new ImageServer(builder.Build());
        server.app.Urls.Add("http://127.0.0.1:0");
        server.Map();
        await server.app.StartAsync();
        server.BaseAddress = new Uri(server.app.Urls.Single());
        return server;
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Served under <c>/images/{name}</c> and <c>/flaky/{name}</c>, always as image/png whatever the bytes.</summary>
    public void Add(string name, byte[] content) => images[name] = content;

    public int HitsOf(string path) => hits.GetValueOrDefault(path);

    /// <summary>Requests under <c>/gated/</c> wait from now until <see cref="OpenGate"/>.</summary>
    public void CloseGate() => Interlocked.Exchange(ref gate, NewGate()).TrySetResult();

    public void OpenGate() => Volatile.Read(ref gate).TrySetResult();

    public int GatedHits => hits.Where(hit => hit.Key.StartsWith("/gated/", StringComparison.Ordinal)).Sum(hit => hit.Value);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, count) => count + 1);
            await next(context);
        });
        app.MapGet("/images/{name}", (string name) => Image(name));
        app.MapGet("/flaky/{name}", (HttpContext context, string name) =>
            HitsOf(context.Request.Path.Value!) == 1 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Image(name));
        app.MapGet("/gated/{name}", async (string name, CancellationToken requestAborted) =>
        {
            await Volatile.Read(ref gate).Task.WaitAsync(requestAborted);
            return Image(name);
        });
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        // Never answers: the request ends when the client gives up (its timeout) or the server stops.
        app.MapGet("/slow", async (CancellationToken requestAborted) =>
        {
            var never = new TaskCompletionSource();
            await using (requestAborted.Register(() => never.TrySetResult()))
            {
                await never.Task;
            }
            return Results.Ok();
        });
    }

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IResult Image(string name) =>
        images.TryGetValue(name, out var content) ? Results.Bytes(content, "image/png") : Results.NotFound();
}
