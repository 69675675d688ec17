using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Testing.Webhooks;
using static Platform.Testing.Webhooks.WebhookCalls;

namespace Platform.Api.IntegrationTests;

/// <summary>Tenant endpoints: event filters, their own secrets, 410 and deletion, rotation, and tenant isolation.</summary>
[Collection(StackCollection.Name)]
public sealed class WebhookEndpointTests(StackFixture stack) : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    /// <summary>A job of the client's tenant, cancelled at once: the quickest way to a job event.</summary>
    private static async Task<Guid> CancelledJobAsync(HttpClient client)
    {
        var (jobId, _) = await CreateCaptionJobAsync(client, await TestInputs.CreateManifestDatasetAsync(client, 2), await TestInputs.RegisterCheckpointAsync(client), null);
        await CancelAsync(client, jobId);
        return jobId;
    }

    private static string Secret(JsonElement endpoint) => endpoint.GetProperty("secret").GetString()!;

    [Fact]
    public async Task Registered_endpoints_get_the_events_they_subscribe_to_signed_with_their_own_secret()
    {
        using var client = await stack.NewTenantClientAsync();
        var cancelled = await RegisterEndpointAsync(client, receiver.Url("cancelled"), ["job.cancelled", "job.failed"]);
        var succeeded = await RegisterEndpointAsync(client, receiver.Url("succeeded"), ["job.succeeded"]);

        var jobId = await CancelledJobAsync(client);
        var delivery = Assert.Single(await WaitForEndedDeliveriesAsync(client, jobId, 1));

        Assert.Equal(cancelled.GetProperty("id").GetGuid(), delivery.GetProperty("endpointId").GetGuid());
        Assert.Equal("job.cancelled", delivery.GetProperty("eventType").GetString());
        var webhook = Assert.Single(receiver.ReceivedOn("cancelled"));
        Assert.True(SpecSignatureCheck.IsSignedWith(webhook, Secret(cancelled)));
        Assert.False(SpecSignatureCheck.IsSignedWith(webhook, Secret(succeeded)));
        Assert.Empty(receiver.ReceivedOn("succeeded"));
        var listed = (await client.GetFromJsonAsync<JsonElement>("/v1/webhooks/endpoints", StackFixture.Json)).EnumerateArray().ToList();
        Assert.Equal(2, listed.Count);
        Assert.All(listed, endpoint => Assert.False(endpoint.TryGetProperty("secret", out _)));
    }

    [Fact]
    public async Task An_endpoint_answering_410_is_disabled_and_gets_nothing_more()
    {
        using var client = await stack.NewTenantClientAsync();
        receiver.Respond = (_, _) => StatusCodes.Status410Gone;
        var endpoint = await RegisterEndpointAsync(client, receiver.Url("gone"), ["*"]);

        var firstJob = await CancelledJobAsync(client);
        var gone = Assert.Single(await WaitForEndedDeliveriesAsync(client, firstJob, 1));
        var secondJob = await CancelledJobAsync(client);

        Assert.Equal("Failed", State(gone));
        Assert.Equal(410, Assert.Single(AttemptLog(gone)).GetProperty("statusCode").GetInt32());
        var disabled = await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/endpoints/{endpoint.GetProperty("id")}", StackFixture.Json);
        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.Contains("410", disabled.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await DeliveriesAsync(client, secondJob));
        var redeliver = await client.PostAsync($"/v1/jobs/{firstJob}/webhook-deliveries/{gone.GetProperty("id")}/redeliver", null);
        Assert.Equal(HttpStatusCode.Conflict, redeliver.StatusCode);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Another_tenant_can_neither_see_nor_change_an_endpoint_or_a_jobs_deliveries_and_a_deleted_endpoint_gets_nothing()
    {
        using var owner = await stack.NewTenantClientAsync();
        using var stranger = await stack.NewTenantClientAsync();
        var endpoint = await RegisterEndpointAsync(owner, receiver.Url("owned"), ["*"]);
        var path = $"/v1/webhooks/endpoints/{endpoint.GetProperty("id")}";
        var jobId = await CancelledJobAsync(owner);
        var delivery = Assert.Single(await WaitForEndedDeliveriesAsync(owner, jobId, 1));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{path}/rotate-secret", null)).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/v1/webhooks/endpoints", StackFixture.Json)).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/v1/jobs/{jobId}/webhook-deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/v1/jobs/{jobId}/webhook-deliveries/{delivery.GetProperty("id")}/redeliver", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(path)).StatusCode);
        var laterJob = await CancelledJobAsync(owner);

        Assert.False((await owner.GetFromJsonAsync<JsonElement>(path, StackFixture.Json)).GetProperty("enabled").GetBoolean());
        Assert.Empty(await DeliveriesAsync(owner, laterJob));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_delivery_still_retrying_when_its_endpoint_is_deleted_is_cancelled_without_another_attempt()
    {
        using var client = await stack.NewTenantClientAsync();
        receiver.Respond = (_, _) => StatusCodes.Status500InternalServerError;
        var endpoint = await RegisterEndpointAsync(client, receiver.Url("deleted-while-retrying"), ["*"]);
        var jobId = await CancelledJobAsync(client);
        await WaitForDeliveriesAsync(client, jobId, d => d.Count == 1 && AttemptLog(d[0]).Count >= 1, "the first failed attempt");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/webhooks/endpoints/{endpoint.GetProperty("id")}")).StatusCode);
        var delivery = Assert.Single(await WaitForEndedDeliveriesAsync(client, jobId, 1));

        Assert.Equal("Cancelled", State(delivery));
        Assert.Equal(AttemptLog(delivery).Count, receiver.Received.Count);
        Assert.True(delivery.GetProperty("attempts").GetInt32() < StackFixture.RetrySchedule.Split(',').Length);
    }

    [Fact]
    public async Task After_a_rotation_deliveries_are_signed_with_the_new_secret_and_the_old_one_during_the_overlap()
    {
        using var client = await stack.NewTenantClientAsync();
        var endpoint = await RegisterEndpointAsync(client, receiver.Url("rotated"), ["job.cancelled"]);
        var rotation = await client.PostAsync($"/v1/webhooks/endpoints/{endpoint.GetProperty("id")}/rotate-secret", null);
        Assert.Equal(HttpStatusCode.OK, rotation.StatusCode);
        var rotated = await rotation.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);

        var jobId = await CancelledJobAsync(client);
        await WaitForEndedDeliveriesAsync(client, jobId, 1);

        Assert.NotEqual(Secret(endpoint), Secret(rotated));
        var webhook = Assert.Single(receiver.Received);
        Assert.Equal(2, webhook.Header("webhook-signature")!.Split(' ').Length);
        Assert.True(SpecSignatureCheck.IsSignedWith(webhook, Secret(rotated)));
        Assert.True(SpecSignatureCheck.IsSignedWith(webhook, Secret(endpoint)));
    }

    [Theory]
    [InlineData("""{"url":"https://hooks.example/a","events":["job.started"]}""", "job.started")]
    [InlineData("""{"url":"https://hooks.example/a","events":[]}""", "events")]
    [InlineData("""{"url":"https://hooks.example/a","events":["*","job.failed"]}""", "alone")]
    [InlineData("""{"url":"ftp://hooks.example/a","events":["*"]}""", "http(s)")]
    [InlineData("""{"url":"https://user:password@hooks.example/a","events":["*"]}""", "credentials")]
    public async Task A_bad_endpoint_registration_is_a_bad_request_and_creates_nothing(string body, string reason)
    {
        using var client = await stack.NewTenantClientAsync();
        var before = await stack.Database.CountAsync("SELECT count(*) FROM webhook_endpoints");

        var response = await client.PostAsync("/v1/webhooks/endpoints", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await stack.Database.CountAsync("SELECT count(*) FROM webhook_endpoints"));
    }
}
