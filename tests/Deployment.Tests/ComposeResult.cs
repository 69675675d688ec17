namespace Platform.Deployment.Tests;

/// <summary>What a docker-compose run printed and returned.</summary>
internal sealed record ComposeResult(int ExitCode, string Output, string Error);
