namespace Platform.Deployment.Tests;

/// <summary>One Dockerfile instruction, its continuation lines joined.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments);
