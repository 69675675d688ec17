using System.Collections.Concurrent;
using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.Data.Bulk;
using Platform.Data.Ledger;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Stands in for CaptionWorker on the real broker and database: consumes caption batches from the same queue,
/// leases them, writes one deterministic caption per item and language with the production writer, and publishes
/// <see cref="BatchCompleted"/>. Tests can make it hold batches at a gate, "die" holding one, fail chosen items or
/// languages, or caption with a text of their choosing; it keeps every batch it was sent.
/// </summary>
public sealed class FakeCaptionWorker : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly IBusControl bus;
    private readonly BatchClaims claims;
    private readonly ResultWriter writer;
    private readonly ConcurrentDictionary<(Guid, int), int> deliveries = new();
    private readonly ConcurrentDictionary<(Guid, int), int> handled = new();
    private readonly ConcurrentDictionary<(Guid, int), bool> diedOn = new();
    private readonly ConcurrentQueue<CaptionBatch> received = new();

    public FakeCaptionWorker(string postgres, string rabbitMq)
    {
        dataSource = NpgsqlDataSource.Create(postgres);
        claims = new BatchClaims(dataSource);
        writer = new ResultWriter(dataSource);
        bus = Bus.Factory.CreateUsingRabbitMq(configure =>
        {
            configure.Host(new Uri(rabbitMq));
            configure.ReceiveEndpoint("caption-batch", endpoint =>
            {
                endpoint.PrefetchCount = 4;
                endpoint.Handler<CaptionBatch>(HandleAsync);
            });
        });
    }

    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When set, every batch waits here before it is worked on.</summary>
    public SemaphoreSlim? Gate { get; set; }

    /// <summary>The first delivery of this batch index is leased and then dropped, as by a worker that died.</summary>
    public int? DieOnceOnBatch { get; set; }

    /// <summary>Fails an item in one language, or as a whole when asked with a null language.</summary>
    public Func<string, string?, bool>? Fails { get; set; }

    /// <summary>The caption of an item in a language; <see cref="CaptionFor"/> unless set.</summary>
    public Func<string, string, string> Captions { get; set; } = CaptionFor;

    public IReadOnlyList<CaptionBatch> ReceivedFor(Guid jobId) => [.. received.Where(batch => batch.JobId == jobId)];

    public int DeliveriesOf(Guid jobId, int batchIndex) => deliveries.GetValueOrDefault((jobId, batchIndex));

    /// <summary>Deliveries of the batch that ran to the end (results written and the event published, or nothing to do).</summary>
    public int HandledOf(Guid jobId, int batchIndex) => handled.GetValueOrDefault((jobId, batchIndex));

    public int TotalDeliveries(Guid jobId) => deliveries.Where(d => d.Key.Item1 == jobId).Sum(d => d.Value);

    public Task StartAsync() => bus.StartAsync();

    public static string CaptionFor(string key, string language) => $"caption of {key} in {language}";

    private async Task HandleAsync(ConsumeContext<CaptionBatch> context)
    {
        await WorkAsync(context);
        handled.AddOrUpdate((context.Message.JobId, context.Message.BatchIndex), 1, (_, count) => count + 1);
    }

    private async Task WorkAsync(ConsumeContext<CaptionBatch> context)
    {
        var batch = context.Message;
        received.Enqueue(batch);
        deliveries.AddOrUpdate((batch.JobId, batch.BatchIndex), 1, (_, count) => count + 1);
        if (Gate is { } gate)
        {
            await gate.WaitAsync(context.CancellationToken);
        }
        if (!await claims.TryClaimAsync(batch.JobId, batch.BatchIndex, Lease, context.CancellationToken))
        {
            return;
        }
        if (batch.BatchIndex == DieOnceOnBatch && diedOn.TryAdd((batch.JobId, batch.BatchIndex), true))
        {
            return;
        }
        var results = new List<ResultRow>();
        var failures = new List<ItemFailure>();
        foreach (var item in batch.Items)
        {
            if (Fails?.Invoke(item.Key, null) == true)
            {
                failures.Add(new ItemFailure(item.Ordinal, item.Key, null, "http_error", "failed by the test"));
                continue;
            }
            foreach (var language in batch.Languages)
            {
                if (Fails?.Invoke(item.Key, language) == true)
                {
                    failures.Add(new ItemFailure(item.Ordinal, item.Key, language, "unsupported_language", "failed by the test"));
                }
                else
                {
                    results.Add(new ResultRow(item.Ordinal, language, item.Key, Captions(item.Key, language), -1.0, []));
                }
            }
        }
        await writer.WriteAsync(batch.JobId, results, failures, context.CancellationToken);
        var failed = failures.Select(failure => failure.Ordinal).Distinct().Count();
        await context.Publish(new BatchCompleted(batch.JobId, batch.BatchIndex, batch.Items.Count - failed, failed, failures), context.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await bus.StopAsync();
        await dataSource.DisposeAsync();
    }
}
