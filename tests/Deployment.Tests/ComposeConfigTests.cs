namespace Platform.Deployment.Tests;

public sealed class ComposeConfigTests(RenderedCompose compose) : IClassFixture<RenderedCompose>
{
    public static TheoryData<string> Workers => new() { "caption-worker", "translate-worker", "eval-worker" };

    private static readonly string[] InferenceWorkerNames = ["caption-worker", "translate-worker"];

    public static TheoryData<string> InferenceWorkers => new(InferenceWorkerNames);

    public static TheoryData<string> PlatformServices => new() { "api", "caption-worker", "translate-worker", "eval-worker" };

    public static TheoryData<string> Secrets => new(DockerCompose.Secrets);

    [Fact]
    public async Task Config_is_valid_when_the_secrets_are_set()
    {
        var result = await DockerCompose.ConfigAsync(DockerCompose.DummySecrets(), "-q");

        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public async Task Config_is_refused_without_a_secret(string secret)
    {
        var variables = DockerCompose.DummySecrets();
        variables.Remove(secret);

        var result = await DockerCompose.ConfigAsync(variables, "-q");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"set {secret}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_has_the_seven_services()
    {
        string[] expected = ["api", "azurite", "caption-worker", "eval-worker", "postgres", "rabbitmq", "translate-worker"];

        Assert.Equal(expected, compose.Services.Keys().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_service_has_a_health_check()
    {
        Assert.All(compose.Services.Keys(), name =>
            Assert.True(compose.Services.Map(name).Map("healthcheck").Sequence("test").Children.Count > 1, name));
    }

    [Theory]
    [MemberData(nameof(Workers))]
    public void Worker_reserves_one_nvidia_gpu(string worker)
    {
        var device = Assert.Single(compose.Services.Map(worker).Map("deploy").Map("resources").Map("reservations")
            .Sequence("devices").Children.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>());

        Assert.Equal("nvidia", device.Scalar("driver"));
        Assert.Equal("1", device.Scalar("count"));
        Assert.Contains("gpu", device.Sequence("capabilities").Children.Select(node => node.ToString()));
    }

    [Theory]
    [MemberData(nameof(Workers))]
    public void Worker_is_built_with_the_gpu_onnx_runtime(string worker)
    {
        Assert.Equal("Gpu", compose.Services.Map(worker).Map("build").Map("args").Scalar("ONNXRUNTIME_FLAVOR"));
    }

    [Theory]
    [MemberData(nameof(Workers))]
    public void Worker_image_is_built_for_an_existing_project(string worker)
    {
        var project = compose.Services.Map(worker).Map("build").Map("args").Scalar("SERVICE");

        Assert.True(File.Exists(RepositoryRoot.File($"services/{project}/{project}.csproj")), project);
    }

    [Theory]
    [MemberData(nameof(InferenceWorkers))]
    public void Inference_worker_caches_checkpoints_on_a_volume_of_its_own_in_a_directory_its_user_owns(string worker)
    {
        var service = compose.Services.Map(worker);
        var directory = service.Map("environment").Scalar("CheckpointCache__Directory");

        var mount = Assert.Single(service.Sequence("volumes").Children, volume => volume.ToString().Split(':')[1] == directory).ToString().Split(':');
        Assert.Contains(mount[0], compose.Volumes.Keys());
        var otherWorkers = InferenceWorkerNames.Where(other => other != worker);
        Assert.All(otherWorkers, other => Assert.DoesNotContain(compose.Services.Map(other).Sequence("volumes").Children, volume => volume.ToString().StartsWith(mount[0] + ":", StringComparison.Ordinal)));
        var runtime = Dockerfile.Stages(RepositoryRoot.File("services/Worker.Dockerfile"))[^1];
        Assert.Contains(runtime.Arguments("RUN"), run => run.Contains($"install -d -o app -g app {directory}", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Workers))]
    public void Worker_gets_longer_to_stop_than_a_batch_may_take_to_finish(string worker)
    {
        var grace = ComposeDuration.Parse(compose.Services.Map(worker).Scalar("stop_grace_period"));

        // Messaging:StopTimeoutSeconds (120 s by default) to finish, 10 s to return the batch, 10 s more for the host.
        Assert.True(grace >= TimeSpan.FromSeconds(140), $"{worker}: {grace}");
    }

    [Fact]
    public void Api_reserves_no_gpu()
    {
        Assert.DoesNotContain("deploy", compose.Services.Map("api").Keys());
    }

    [Theory]
    [MemberData(nameof(PlatformServices))]
    public void Service_connection_strings_carry_the_secrets(string service)
    {
        var environment = compose.Services.Map(service).Map("environment");

        Assert.Contains("Password=dummy-postgres_password;", environment.Scalar("ConnectionStrings__Postgres"), StringComparison.Ordinal);
        Assert.Contains(":dummy-rabbitmq_password@rabbitmq:5672/", environment.Scalar("ConnectionStrings__RabbitMq"), StringComparison.Ordinal);
        Assert.Contains("AccountKey=dummy-blob_account_key;", environment.Scalar("ConnectionStrings__Blobs"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PlatformServices))]
    public void Service_is_built_from_an_existing_dockerfile(string service)
    {
        var build = compose.Services.Map(service).Map("build");

        Assert.True(File.Exists(Path.Combine(build.Scalar("context"), build.Scalar("dockerfile"))));
    }

    [Theory]
    [MemberData(nameof(PlatformServices))]
    public async Task Service_runs_in_production_even_when_the_environment_asks_for_development(string service)
    {
        var variables = DockerCompose.DummySecrets();
        variables["ASPNETCORE_ENVIRONMENT"] = "Development";

        var result = await DockerCompose.ConfigAsync(variables);

        Assert.True(result.ExitCode == 0, result.Error);
        var environment = Yaml.Parse(result.Output).Map("services").Map(service).Map("environment");
        Assert.Equal("Production", environment.Scalar("ASPNETCORE_ENVIRONMENT"));
    }

    [Fact]
    public void Api_takes_the_dashboard_credentials_from_the_environment()
    {
        var environment = compose.Services.Map("api").Map("environment");

        Assert.Contains("Dashboard__Username", environment.Keys());
        Assert.Contains("Dashboard__Password", environment.Keys());
    }
}
