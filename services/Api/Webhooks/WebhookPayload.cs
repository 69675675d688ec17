using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>
/// The body of a job event, in the Standard Webhooks shape <c>{type, timestamp, data}</c>: the job's counters,
/// timings and links to its results, failures, metrics and exports.
/// </summary>
internal static class WebhookPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize(string eventType, SettledJob job, Uri? publicBaseUrl)
    {
        var self = Link(publicBaseUrl, $"/v1/jobs/{job.Id}");
        var duration = job.CompletedAt - (job.StartedAt ?? job.CreatedAt);
        var data = new JobEventData(
            job.Id, job.Kind, job.Status,
            new JobEventItems(job.ItemsTotal, job.ItemsSucceeded, job.ItemsFailed),
            new JobEventBatches(job.BatchCount, job.BatchesSettled),
            job.Error, job.CreatedAt, job.StartedAt, job.CompletedAt, duration?.TotalSeconds,
            new JobEventLinks(
                self, $"{self}/results", $"{self}/failures", $"{self}/metrics",
                new JobEventExports($"{self}/exports/jsonl", $"{self}/exports/csv", $"{self}/exports/parquet")));
        return JsonSerializer.Serialize(new JobEvent(eventType, job.CompletedAt ?? job.CreatedAt, data), Json);
    }

    private static string Link(Uri? baseUrl, string path) => baseUrl is null ? path : new Uri(baseUrl, path).AbsoluteUri;

    private sealed record JobEvent(string Type, DateTimeOffset Timestamp, JobEventData Data);

    private sealed record JobEventData(
        Guid Id, JobKind Kind, JobStatus Status, JobEventItems Items, JobEventBatches Batches, string? Error,
        DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, double? DurationSeconds, JobEventLinks Links);

    private sealed record JobEventItems(long Total, long Succeeded, long Failed);

    private sealed record JobEventBatches(int Total, int Settled);

    private sealed record JobEventLinks(string Self, string Results, string Failures, string Metrics, JobEventExports Exports);

    private sealed record JobEventExports(string Jsonl, string Csv, string Parquet);
}
