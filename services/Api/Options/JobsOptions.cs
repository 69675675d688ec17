using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Options;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Items per batch message; bounds how long a worker holds one delivery.</summary>
    [Range(1, 10_000)]
    public int DefaultBatchSize { get; set; } = 64;

    /// <summary>How long a worker may hold a batch before the sweeper gives it to another.</summary>
    [Range(1, 86_400)]
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>Leases a batch may lose before its items are failed as abandoned.</summary>
    [Range(1, 100)]
    public int MaxBatchAttempts { get; set; } = 5;

    /// <summary>Cron (Hangfire, seconds allowed) for the lease sweep.</summary>
    [Required]
    public string LeaseSweepCron { get; set; } = "*/30 * * * * *";

    /// <summary>
    /// Batch messages published at once before their confirmations are awaited and the batches marked dispatched.
    /// The broker confirms persistent messages after a disk flush it shares among all in flight, so throughput grows
    /// with this (16 published 1,563 batches in 65 s on a loaded machine, 256 in 7 s), but every message in flight
    /// survives collections: at 256 the Api's heap grew with the job's length, at 64 planning 1M items took as long
    /// (6 s on a quiet machine) with a flat heap.
    /// </summary>
    [Range(1, 1000)]
    public int PublishConcurrency { get; set; } = 64;

    /// <summary>Items in the batch messages in flight at once: bounds the Api's memory when batches are large.</summary>
    [Range(1, 10_000_000)]
    public int PublishMaxItemsInFlight { get; set; } = 65_536;

    /// <summary>Items a job may have; a larger dataset is refused (422) when the job is created.</summary>
    [Range(1, long.MaxValue)]
    public long MaxItemsPerJob { get; set; } = 50_000_000;
}
