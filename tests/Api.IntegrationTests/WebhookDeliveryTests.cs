using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Webhooks;
using Platform.Testing.Webhooks;
using static Platform.Testing.Webhooks.WebhookCalls;

namespace Platform.Api.IntegrationTests;

/// <summary>A job's own webhook URL: signed deliveries, retries with one webhook-id, the attempt log and redelivery.</summary>
[Collection(StackCollection.Name)]
public sealed class WebhookDeliveryTests(StackFixture stack) : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private async Task<(Guid JobId, string Secret)> CancelledJobWithWebhookAsync(string path)
    {
        var (jobId, secret) = await CreateCaptionJobAsync(stack.Client, await stack.CreateManifestDatasetAsync(3), await stack.RegisterCheckpointAsync(), receiver.Url(path));
        await CancelAsync(stack.Client, jobId);
        return (jobId, secret!);
    }

    [Fact]
    public async Task A_finished_job_sends_one_event_signed_per_the_specification_with_its_counters_and_links()
    {
        var dataset = await stack.CreateManifestDatasetAsync(10);
        var checkpoint = await stack.RegisterCheckpointAsync();

        var (jobId, secret) = await CreateCaptionJobAsync(stack.Client, dataset, checkpoint, receiver.Url("finished"));
        await stack.WaitForStatusAsync(jobId, "Succeeded");
        var delivery = Assert.Single(await WaitForEndedDeliveriesAsync(stack.Client, jobId, 1));

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var webhook = Assert.Single(receiver.Received);
        Assert.True(SpecSignatureCheck.IsSignedWith(webhook, secret!));
        Assert.Equal(delivery.GetProperty("webhookId").GetString(), webhook.Header("webhook-id"));
        Assert.Equal("application/json; charset=utf-8", webhook.Header("content-type"));
        Assert.Equal("Succeeded", State(delivery));
        var attempt = Assert.Single(AttemptLog(delivery));
        Assert.Equal(200, attempt.GetProperty("statusCode").GetInt32());
        Assert.Equal("receiver answered 200", attempt.GetProperty("responseExcerpt").GetString());

        var payload = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal("job.succeeded", payload.GetProperty("type").GetString());
        var data = payload.GetProperty("data");
        Assert.Equal(jobId, data.GetProperty("id").GetGuid());
        Assert.Equal("Captions", data.GetProperty("kind").GetString());
        Assert.Equal("Succeeded", data.GetProperty("status").GetString());
        Assert.Equal(10, data.GetProperty("items").GetProperty("succeeded").GetInt64());
        Assert.Equal(0, data.GetProperty("items").GetProperty("failed").GetInt64());
        Assert.True(data.GetProperty("durationSeconds").GetDouble() >= 0);
        Assert.Equal(data.GetProperty("completedAt").GetDateTimeOffset(), payload.GetProperty("timestamp").GetDateTimeOffset());
        var links = data.GetProperty("links");
        Assert.Equal($"/v1/jobs/{jobId}/results", links.GetProperty("results").GetString());
        Assert.Equal($"/v1/jobs/{jobId}/metrics", links.GetProperty("metrics").GetString());
        Assert.Equal($"/v1/jobs/{jobId}/exports/parquet", links.GetProperty("exports").GetProperty("parquet").GetString());
    }

    [Fact]
    public async Task The_shipped_verifier_accepts_a_real_delivery_and_rejects_it_forged_replayed_or_reordered()
    {
        var (jobId, secret) = await CancelledJobWithWebhookAsync("verified");
        await WaitForEndedDeliveriesAsync(stack.Client, jobId, 1);
        var webhook = Assert.Single(receiver.Received);

        WebhookVerifier.Verify(webhook.Header, webhook.Body, secret, WebhookVerifier.DefaultTolerance);
        Assert.Throws<WebhookVerificationException>(() =>
            WebhookVerifier.Verify(webhook.Header, webhook.Body, WebhookSecret.Generate(), WebhookVerifier.DefaultTolerance));
        Assert.Throws<WebhookVerificationException>(() =>
            WebhookVerifier.Verify(webhook.Header, webhook.Body, secret, WebhookVerifier.DefaultTolerance, webhook.ReceivedAt.AddMinutes(10)));
        var original = JsonNode.Parse(webhook.Body)!.AsObject();
        var reordered = new JsonObject(original.Reverse().Select(property => KeyValuePair.Create(property.Key, property.Value?.DeepClone())));
        var reorderedBody = System.Text.Encoding.UTF8.GetBytes(reordered.ToJsonString());
        Assert.True(JsonNode.DeepEquals(original, reordered));
        Assert.Throws<WebhookVerificationException>(() => WebhookVerifier.Verify(webhook.Header, reorderedBody, secret, WebhookVerifier.DefaultTolerance));
    }

    [Fact]
    public async Task A_receiver_down_then_up_gets_the_event_once_with_the_same_webhook_id_and_every_attempt_is_logged()
    {
        await receiver.StopAsync();
        var (jobId, secret) = await CancelledJobWithWebhookAsync("down-then-up");
        await WaitForDeliveriesAsync(stack.Client, jobId, deliveries => deliveries.Count == 1 && AttemptLog(deliveries[0]).Count >= 2, "two refused attempts");

        await receiver.RestartAsync();
        var delivery = Assert.Single(await WaitForEndedDeliveriesAsync(stack.Client, jobId, 1));

        Assert.Equal("Succeeded", State(delivery));
        var webhook = Assert.Single(receiver.Received);
        Assert.Equal(delivery.GetProperty("webhookId").GetString(), webhook.Header("webhook-id"));
        Assert.True(SpecSignatureCheck.IsSignedWith(webhook, secret));
        var log = AttemptLog(delivery);
        Assert.Equal(delivery.GetProperty("attempts").GetInt32(), log.Count);
        Assert.Equal(Enumerable.Range(1, log.Count), log.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.All(log.SkipLast(1), refused =>
        {
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("statusCode").ValueKind);
            Assert.StartsWith("connection_failed", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(200, log[^1].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_the_same_webhook_id_and_body_until_it_answers_2xx()
    {
        receiver.Respond = (_, request) => request <= 2 ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;

        var (jobId, secret) = await CancelledJobWithWebhookAsync("flaky");
        var delivery = Assert.Single(await WaitForEndedDeliveriesAsync(stack.Client, jobId, 1));

        Assert.Equal("Succeeded", State(delivery));
        Assert.Equal([500, 500, 204], AttemptLog(delivery).Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal("receiver answered 500", AttemptLog(delivery)[0].GetProperty("responseExcerpt").GetString());
        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, webhook =>
        {
            Assert.Equal(delivery.GetProperty("webhookId").GetString(), webhook.Header("webhook-id"));
            Assert.Equal(receiver.Received[0].Body, webhook.Body);
            Assert.True(SpecSignatureCheck.IsSignedWith(webhook, secret));
        });
        Assert.Equal("job.cancelled", JsonDocument.Parse(receiver.Received[0].Body).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_delivery_fails_when_the_schedule_runs_out_and_a_manual_redelivery_sends_the_same_event_again()
    {
        receiver.Respond = (_, _) => StatusCodes.Status503ServiceUnavailable;
        var (jobId, _) = await CancelledJobWithWebhookAsync("unavailable");
        var failed = Assert.Single(await WaitForEndedDeliveriesAsync(stack.Client, jobId, 1));
        var scheduled = StackFixture.RetrySchedule.Split(',').Length;

        Assert.Equal("Failed", State(failed));
        Assert.Equal(scheduled, failed.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("nextAttemptAt").ValueKind);
        Assert.Equal(scheduled, receiver.Received.Count);

        receiver.Respond = (_, _) => StatusCodes.Status200OK;
        var webhookId = failed.GetProperty("webhookId").GetString();
        var redeliver = await stack.Client.PostAsync($"/v1/jobs/{jobId}/webhook-deliveries/{webhookId}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        var delivered = Assert.Single(await WaitForDeliveriesAsync(stack.Client, jobId, d => State(d[0]) == "Succeeded", "the redelivery"));

        Assert.Equal(scheduled + 1, delivered.GetProperty("attempts").GetInt32());
        Assert.Equal(scheduled + 1, receiver.Received.Count);
        Assert.Equal(webhookId, receiver.Received[^1].Header("webhook-id"));
        Assert.Equal(receiver.Received[0].Body, receiver.Received[^1].Body);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Client.PostAsync($"/v1/jobs/{jobId}/webhook-deliveries/msg_unknown/redeliver", null)).StatusCode);
    }

    [Fact]
    public async Task A_replayed_job_request_returns_the_same_webhook_secret_and_creates_no_second_job()
    {
        var body = new { datasetId = await stack.CreateManifestDatasetAsync(2), checkpointId = await stack.RegisterCheckpointAsync(), languages = new[] { "en" }, webhookUrl = receiver.Url("replayed") };
        var key = Guid.NewGuid().ToString();

        var first = await CreateWithKeyAsync(body, key);
        var second = await CreateWithKeyAsync(body, key);

        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.StartsWith("whsec_", first.GetProperty("webhookSecret").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.GetProperty("webhookSecret").GetString(), second.GetProperty("webhookSecret").GetString());
        var stored = await stack.Database.QueryAsync("SELECT webhook_secret FROM jobs WHERE id = @job", r => r.GetString(0), ("job", first.GetProperty("id").GetGuid()));
        Assert.DoesNotContain("whsec_", Assert.Single(stored), StringComparison.Ordinal);
        var job = await stack.GetJobAsync(first.GetProperty("id").GetGuid());
        Assert.False(job.TryGetProperty("webhookSecret", out _));
    }

    private async Task<JsonElement> CreateWithKeyAsync(object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/jobs/captions") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await stack.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
