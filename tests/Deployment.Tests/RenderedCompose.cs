using YamlDotNet.RepresentationModel;

namespace Platform.Deployment.Tests;

/// <summary>docker-compose.yml as docker-compose renders it (anchors merged, variables filled with dummy secrets).</summary>
public sealed class RenderedCompose : IAsyncLifetime
{
    internal YamlMappingNode Services { get; private set; } = new();

    internal YamlMappingNode Volumes { get; private set; } = new();

    public async Task InitializeAsync()
    {
        var result = await DockerCompose.ConfigAsync(DockerCompose.DummySecrets());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker-compose config failed ({result.ExitCode}): {result.Error}");
        }

        var document = Yaml.Parse(result.Output);
        Services = document.Map("services");
        Volumes = document.Map("volumes");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
