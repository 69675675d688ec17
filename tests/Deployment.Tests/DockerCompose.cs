using System.Diagnostics;

namespace Platform.Deployment.Tests;

/// <summary>Runs Debian's docker-compose (v1) on the repository's docker-compose.yml.</summary>
internal static class DockerCompose
{
    public static readonly string[] Secrets = ["POSTGRES_PASSWORD", "RABBITMQ_PASSWORD", "BLOB_ACCOUNT_KEY"];

    /// <summary>Dummy values for every required secret.</summary>
    public static Dictionary<string, string> DummySecrets() =>
        Secrets.ToDictionary(name => name, name => $"dummy-{name.ToLowerInvariant()}");

    /// <summary>
    /// Runs <c>docker-compose config</c> with exactly <paramref name="variables"/> as the secrets:
    /// the caller's environment and any .env file are kept out.
    /// </summary>
    public static async Task<ComposeResult> ConfigAsync(IReadOnlyDictionary<string, string> variables, params string[] arguments)
    {
        var emptyEnvFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("docker-compose")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryRoot.Path,
            };
            foreach (var argument in (string[])["--env-file", emptyEnvFile, "-f", RepositoryRoot.File("docker-compose.yml"), "config", .. arguments])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in Secrets)
            {
                start.Environment.Remove(name);
            }

            foreach (var (name, value) in variables)
            {
                start.Environment[name] = value;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            using var process = StartProcess(start);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new ComposeResult(process.ExitCode, await output, await error);
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }

    private static Process StartProcess(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("docker-compose did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("docker-compose is not installed: apt-get install docker-compose (./test.sh does)", exception);
        }
    }
}
