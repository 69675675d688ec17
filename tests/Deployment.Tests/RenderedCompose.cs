using YamlDotNet.RepresentationModel;

namespace Platform.Deployment.Tests;

/// <summary>docker-compose.yml as docker-compose renders it (anchors merged, variables filled with dummy secrets).</summary>
public sealed class RenderedCompose : IAsyncLifetime
{
    internal YamlMappingNode Services { get; private set; } = new();

    public async Task InitializeAsync()
    {
        var result = await DockerCompose.ConfigAsync(DockerCompose.DummySecrets());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker-compose config failed ({result.ExitCode}): {result.Error}");
        }

        Services = Yaml.Parse(result.Output).Map("services");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
