using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Platform.Bench.Pipeline;

/// <summary>
/// A platform service run from its Release build output as a child process (its output in a log file), ready once
/// <c>/health/ready</c> answers 200. Its own peak resident memory comes from <c>/proc/&lt;pid&gt;/status</c>.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServiceProcess(Process process, Uri address, string log)
    {
        this.process = process;
        Address = address;
        Log = log;
    }

    public Uri Address { get; }

    public string Log { get; }

    public static async Task<ServiceProcess> StartAsync(
        string root, string project, BenchStack stack, string name, IReadOnlyDictionary<string, string> settings)
    {
        var bin = Path.Combine(root, "services", project, "bin", "Release", "net10.0");
        var dll = Path.Combine(bin, $"Platform.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build first (dotnet build -c Release bench).");
        }
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var log = Path.Combine(stack.State, $"{name}.log");
        // exec: the shell becomes the service, so the pid is the service's own.
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet \"{dll}\" >\"{log}\" 2>&1"]) { WorkingDirectory = bin };
        foreach (var (key, value) in stack.Environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var service = new ServiceProcess(Process.Start(start)!, address, log);
        await service.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        return service;
    }

    /// <summary>VmHWM: the most resident memory this process has held since it started.</summary>
    public double PeakResidentMegabytes() => StatusMegabytes("VmHWM:");

    /// <summary>VmRSS: the resident memory now.</summary>
    public double ResidentMegabytes() => StatusMegabytes("VmRSS:");

    private double StatusMegabytes(string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").Single(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    /// <summary>SIGTERM, then waits for the exit (killed after a minute).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (await interval.WaitForNextTickAsync())
        {
            if (process.HasExited || deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException($"{Path.GetFileName(Log)} did not get ready; see {Log}");
            }
            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
