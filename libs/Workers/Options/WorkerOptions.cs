using System.ComponentModel.DataAnnotations;

namespace Platform.Workers.Options;

/// <summary>How a worker takes batches off the queue and runs them (section <c>Worker</c>).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Items per inference call; halved for the rest of the process when the runtime runs out of memory.</summary>
    [Range(1, 4096)]
    public int MicroBatchSize { get; set; } = 8;

    /// <summary>
    /// Batches worked on at once by this process. Their inference still runs one micro-batch at a time
    /// (<see cref="Batches.MicroBatcher"/>): two let the next batch fetch and decode while this one infers and writes.
    /// </summary>
    [Range(1, 64)]
    public int ConcurrentMessageLimit { get; set; } = 2;

    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 4;

    /// <summary>Immediate retries of a batch that threw; after them the message faults.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 3;

    /// <summary>How long a claimed batch is ours before the Api republishes it; longer than any batch takes.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Benchmarking only (<c>bench -- pipeline</c>): skip fetching and inference and give every item an empty result in
    /// each language, so that a run measures the pipeline itself (Api, RabbitMQ, worker, PostgreSQL).
    /// </summary>
    public bool NoOpInference { get; set; }

    /// <summary>Decoded inputs waiting for inference; bounds memory while fetching runs ahead.</summary>
    [Range(1, 10_000)]
    public int PipelineCapacity { get; set; } = 64;
}
