using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Testing.Webhooks;

/// <summary>The Api calls webhook tests make: jobs with a webhook URL, endpoints, and the delivery log.</summary>
public static class WebhookCalls
{
    /// <returns>The job's id and its signing secret (only when a webhook URL was given).</returns>
    public static async Task<(Guid JobId, string? Secret)> CreateCaptionJobAsync(HttpClient client, Guid dataset, Guid checkpoint, Uri? webhookUrl)
    {
        var response = await client.PostAsync("/v1/jobs/captions", JsonContent.Create(new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" }, webhookUrl }));
        var job = await ExpectAsync(response, HttpStatusCode.Accepted);
        return (job.GetProperty("id").GetGuid(), job.TryGetProperty("webhookSecret", out var secret) ? secret.GetString() : null);
    }

    public static async Task CancelAsync(HttpClient client, Guid jobId) =>
        await ExpectAsync(await client.PostAsync($"/v1/jobs/{jobId}/cancel", null), HttpStatusCode.OK);

    public static async Task<JsonElement> RegisterEndpointAsync(HttpClient client, Uri url, string[] events) =>
        await ExpectAsync(
            await client.PostAsync("/v1/webhooks/endpoints", JsonContent.Create(new { url, events, description = "test receiver" })),
            HttpStatusCode.Created);

    public static async Task<List<JsonElement>> DeliveriesAsync(HttpClient client, Guid jobId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}/webhook-deliveries", TestJson.Options)).EnumerateArray().ToList();

    public static Task<List<JsonElement>> WaitForDeliveriesAsync(HttpClient client, Guid jobId, Func<List<JsonElement>, bool> done, string what) =>
        Poll.UntilAsync(() => DeliveriesAsync(client, jobId), done, TimeSpan.FromSeconds(60), what);

    /// <summary>Waits until the job has <paramref name="count"/> deliveries and every one has ended (none pending).</summary>
    public static Task<List<JsonElement>> WaitForEndedDeliveriesAsync(HttpClient client, Guid jobId, int count) =>
        WaitForDeliveriesAsync(client, jobId, deliveries => deliveries.Count == count && deliveries.All(d => State(d) != "Pending"), $"{count} ended deliveries of job {jobId}");

    public static string State(JsonElement delivery) => delivery.GetProperty("state").GetString()!;

    public static List<JsonElement> AttemptLog(JsonElement delivery) => delivery.GetProperty("attemptLog").EnumerateArray().ToList();

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}: {body}");
        }
        return JsonDocument.Parse(body).RootElement;
    }
}
