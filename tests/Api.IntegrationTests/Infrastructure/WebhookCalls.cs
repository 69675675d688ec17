using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>The Api calls webhook tests make: jobs with a webhook URL, endpoints, and the delivery log.</summary>
public static class WebhookCalls
{
    /// <returns>The job's id and its signing secret (only when a webhook URL was given).</returns>
    public static async Task<(Guid JobId, string? Secret)> CreateCaptionJobAsync(HttpClient client, Guid dataset, Guid checkpoint, Uri? webhookUrl)
    {
        var response = await client.PostAsync("/v1/jobs/captions", JsonContent.Create(new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" }, webhookUrl }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
        return (job.GetProperty("id").GetGuid(), job.TryGetProperty("webhookSecret", out var secret) ? secret.GetString() : null);
    }

    public static async Task CancelAsync(HttpClient client, Guid jobId) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/v1/jobs/{jobId}/cancel", null)).StatusCode);

    public static async Task<JsonElement> RegisterEndpointAsync(HttpClient client, Uri url, string[] events, string? tenant = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/endpoints")
        {
            Content = JsonContent.Create(new { url, events, description = "test receiver" }),
        };
        AsTenant(request, tenant);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json);
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(HttpClient client, Guid jobId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}/webhook-deliveries", StackFixture.Json)).EnumerateArray().ToList();

    public static Task<List<JsonElement>> WaitForDeliveriesAsync(HttpClient client, Guid jobId, Func<List<JsonElement>, bool> done, string what) =>
        Poll.UntilAsync(() => DeliveriesAsync(client, jobId), done, TimeSpan.FromSeconds(60), what);

    /// <summary>Waits until every delivery of the job has ended (none pending) and there are <paramref name="count"/> of them.</summary>
    public static Task<List<JsonElement>> WaitForEndedDeliveriesAsync(HttpClient client, Guid jobId, int count) =>
        WaitForDeliveriesAsync(client, jobId, deliveries => deliveries.Count == count && deliveries.All(d => State(d) != "Pending"), $"{count} ended deliveries of job {jobId}");

    public static string State(JsonElement delivery) => delivery.GetProperty("state").GetString()!;

    public static List<JsonElement> AttemptLog(JsonElement delivery) => delivery.GetProperty("attemptLog").EnumerateArray().ToList();

    public static void AsTenant(HttpRequestMessage request, string? tenant)
    {
        if (tenant is not null)
        {
            request.Headers.Add(TestTenantHeader.Name, tenant);
        }
    }
}
