namespace Platform.Deployment.Tests;

public sealed class DockerfileTests
{
    public static TheoryData<string> Dockerfiles => new()
    {
        "services/Api/Dockerfile",
        "services/Worker.Dockerfile",
    };

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Final_stage_runs_as_a_non_root_user(string dockerfile)
    {
        var user = Dockerfile.Stages(RepositoryRoot.File(dockerfile))[^1].Arguments("USER").LastOrDefault();

        Assert.NotNull(user);
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Final_stage_checks_the_ready_endpoint(string dockerfile)
    {
        var healthCheck = Assert.Single(Dockerfile.Stages(RepositoryRoot.File(dockerfile))[^1].Arguments("HEALTHCHECK"));

        Assert.Contains("/health/ready", healthCheck, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Builds_with_the_sdk_and_runs_without_it(string dockerfile)
    {
        var stages = Dockerfile.Stages(RepositoryRoot.File(dockerfile));

        Assert.True(stages.Count >= 2);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", stages[0].BaseImage, StringComparison.Ordinal);
        Assert.DoesNotContain("/sdk", stages[^1].BaseImage, StringComparison.Ordinal);
        Assert.Contains(stages[0].Arguments("RUN"), run => run.Contains("dotnet publish", StringComparison.Ordinal));
    }

    [Fact]
    public void Worker_publishes_the_onnx_runtime_flavor_it_is_given_gpu_by_default()
    {
        var build = Dockerfile.Stages(RepositoryRoot.File("services/Worker.Dockerfile"))[0];

        Assert.Contains("ONNXRUNTIME_FLAVOR=Gpu", build.Arguments("ARG"));
        Assert.Contains(build.Arguments("RUN"), run => run.Contains("-p:OnnxRuntimeFlavor=${ONNXRUNTIME_FLAVOR}", StringComparison.Ordinal));
    }
}
