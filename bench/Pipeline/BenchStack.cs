using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Platform.Bench.Pipeline;

/// <summary>PostgreSQL, RabbitMQ and Azurite of the bench's own, on free ports, through tools/stack/stack.sh; stopped and deleted on dispose.</summary>
internal sealed partial class BenchStack : IAsyncDisposable
{
    private readonly string root;

    private BenchStack(string root, string state, IReadOnlyDictionary<string, string> environment)
    {
        this.root = root;
        State = state;
        Environment = environment;
    }

    public string State { get; }

    /// <summary>The connection strings as environment variables (<c>ConnectionStrings__Postgres</c>, …).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public string Postgres => Environment["ConnectionStrings__Postgres"];

    public static async Task<BenchStack> StartAsync(string root)
    {
        var state = Directory.CreateTempSubdirectory("bench-pipeline-").FullName;
        await RunAsync(root, "start", state);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(state, "stack.env")))
        {
            if (Export().Match(line) is { Success: true } match)
            {
                environment[match.Groups["key"].Value] = match.Groups["value"].Value;
            }
        }
        return new BenchStack(root, state, environment);
    }

    /// <summary>Stops the stack and deletes its state, keeping the services' logs in <see cref="Logs"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await RunAsync(root, "stop", State);
        Directory.CreateDirectory(Logs);
        foreach (var log in Directory.EnumerateFiles(State, "*.log"))
        {
            File.Move(log, Path.Combine(Logs, Path.GetFileName(log)), overwrite: true);
        }
        Directory.Delete(State, recursive: true);
    }

    public string Logs => State + "-logs";

    private static async Task RunAsync(string root, string verb, string state)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "tools", "stack", "stack.sh"), [verb, state]) { WorkingDirectory = root };
        start.Environment["PLATFORM_STACK_EPHEMERAL"] = "1";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/stack/stack.sh {verb} {state} failed ({process.ExitCode}).");
        }
    }

    [GeneratedRegex("^export (?<key>[A-Za-z_]+)='(?<value>[^']*)'$")]
    private static partial Regex Export();
}
