using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.Webhooks;
using static Platform.Testing.Webhooks.WebhookCalls;

namespace Platform.Webhooks.IntegrationTests;

/// <summary>
/// With the production default (private networks not allowed), webhook URLs cannot reach loopback, private or
/// metadata addresses: literal ones are refused when given, and names are refused at connect time.
/// </summary>
public sealed class WebhookAddressGuardTests(GuardedApiFixture api) : IClassFixture<GuardedApiFixture>
{
    private Task<long> CountAsync(string table) => api.Database.CountAsync($"SELECT count(*) FROM {table}");

    private async Task<HttpResponseMessage> CreateJobAsync(string webhookUrl) => await api.Client.PostAsync("/v1/jobs/captions", JsonContent.Create(new
    {
        datasetId = await TestInputs.CreateManifestDatasetAsync(api.Client, 2),
        checkpointId = await TestInputs.RegisterCheckpointAsync(api.Client),
        languages = new[] { "en" },
        webhookUrl,
    }));

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:9/hook")]
    public async Task A_webhook_url_at_a_literal_private_address_is_refused_for_a_job_and_an_endpoint_and_nothing_is_created(string url)
    {
        var jobsBefore = await CountAsync("jobs");
        var endpointsBefore = await CountAsync("webhook_endpoints");

        await AssertProblemAsync(await CreateJobAsync(url), HttpStatusCode.UnprocessableEntity, "'webhookUrl' points at");
        await AssertProblemAsync(
            await api.Client.PostAsync("/v1/webhooks/endpoints", JsonContent.Create(new { url, events = new[] { "*" } })),
            HttpStatusCode.UnprocessableEntity, "'url' points at");

        Assert.Equal(jobsBefore, await CountAsync("jobs"));
        Assert.Equal(endpointsBefore, await CountAsync("webhook_endpoints"));
    }

    [Theory]
    [InlineData("ftp://hooks.example/hook", "absolute http(s) URL")]
    [InlineData("/relative/hook", "absolute http(s) URL")]
    [InlineData("https://user:secret@hooks.example/hook", "credentials")]
    public async Task A_webhook_url_that_is_not_plain_http_is_a_bad_request_and_creates_no_job(string url, string detail)
    {
        var jobsBefore = await CountAsync("jobs");

        await AssertProblemAsync(await CreateJobAsync(url), HttpStatusCode.BadRequest, detail);

        Assert.Equal(jobsBefore, await CountAsync("jobs"));
    }

    [Fact]
    public async Task A_name_resolving_to_loopback_is_accepted_when_given_but_refused_at_delivery_and_logged_as_such()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await RegisterEndpointAsync(api.Client, receiver.Url("endpoint", host: "localhost"), ["*"]);
        var (jobId, _) = await CreateCaptionJobAsync(
            api.Client, await TestInputs.CreateManifestDatasetAsync(api.Client, 2), await TestInputs.RegisterCheckpointAsync(api.Client), receiver.Url("job", host: "localhost"));
        await CancelAsync(api.Client, jobId);

        var deliveries = await WaitForEndedDeliveriesAsync(api.Client, jobId, 2);

        Assert.All(deliveries, delivery =>
        {
            Assert.Equal("Failed", State(delivery));
            var attempt = Assert.Single(AttemptLog(delivery));
            Assert.Equal(JsonValueKind.Null, attempt.GetProperty("statusCode").ValueKind);
            Assert.StartsWith("blocked_address: 'localhost' resolves only to blocked addresses", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);
        });
        Assert.Empty(receiver.Received);
    }
}
