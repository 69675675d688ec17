using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Platform.Contracts;
using Platform.Data.Bulk;

namespace Platform.Workers.Telemetry;

/// <summary>
/// Meter <c>Platform.Workers</c>: items written and failed per kind and language, how long batches waited in the
/// queue and took, what became of each delivery, and the recent items/s. Exported on <c>/metrics</c>.
/// </summary>
public sealed class WorkerMetrics
{
    public const string MeterName = "Platform.Workers";

    /// <summary>The language tag of a failure that hit the item's input, before any language.</summary>
    public const string AnyLanguage = "any";

    private static readonly IReadOnlyList<double> SecondsBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Counter<long> processed;
    private readonly Counter<long> failed;
    private readonly Counter<long> batches;
    private readonly Histogram<double> batchDuration;
    private readonly Histogram<double> queueLag;
    private readonly UpDownCounter<long> active;
    private readonly ConcurrentDictionary<string, ThroughputWindow> throughput = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;

    public WorkerMetrics(IMeterFactory meters, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        this.clock = clock;
        processed = meter.CreateCounter<long>("platform.worker.items.processed", "{item}", "Results written, one per item and language.");
        failed = meter.CreateCounter<long>("platform.worker.items.failed", "{item}", "Item failures written, per language (any: the input failed).");
        batches = meter.CreateCounter<long>("platform.worker.batches", "{batch}", "Batch deliveries by outcome: completed, skipped (settled or cancelled), returned (to the queue, unfinished), faulted (threw; retried or dead-lettered).");
        active = meter.CreateUpDownCounter<long>("platform.worker.batches.active", "{batch}", "Batches being worked on now.");
        batchDuration = meter.CreateHistogram<double>("platform.worker.batch.duration", "s", "From claiming a batch to reporting it completed.", tags: null, advice: new() { HistogramBucketBoundaries = SecondsBuckets });
        queueLag = meter.CreateHistogram<double>("platform.worker.queue.lag", "s", "From publishing a batch to a worker starting on it.", tags: null, advice: new() { HistogramBucketBoundaries = SecondsBuckets });
        meter.CreateObservableGauge(
            "platform.worker.items.throughput",
            () => throughput.Select(window => new Measurement<double>(window.Value.PerSecond(), Kind(window.Key))),
            "{item}/s",
            $"Results written per second over the last {ThroughputWindow.Seconds} s.");
    }

    /// <param name="lag">Null for a retry of the same delivery, whose wait was recorded on its first attempt.</param>
    public void Started(string kind, TimeSpan? lag)
    {
        if (lag is { } wait)
        {
            queueLag.Record(Math.Max(0, wait.TotalSeconds), Kind(kind));
        }
        active.Add(1, Kind(kind));
    }

    public void Ended(string kind, string outcome)
    {
        active.Add(-1, Kind(kind));
        batches.Add(1, Kind(kind), new("outcome", outcome));
    }

    public void Completed(string kind, TimeSpan duration, IReadOnlyCollection<ResultRow> results, IReadOnlyCollection<ItemFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(failures);
        batchDuration.Record(duration.TotalSeconds, Kind(kind));
        foreach (var language in results.CountBy(result => result.Language))
        {
            processed.Add(language.Value, Kind(kind), new("language", language.Key));
        }
        foreach (var language in failures.CountBy(failure => failure.Language ?? AnyLanguage))
        {
            failed.Add(language.Value, Kind(kind), new("language", language.Key));
        }
        throughput.GetOrAdd(kind, _ => new ThroughputWindow(clock)).Add(results.Count);
    }

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}
