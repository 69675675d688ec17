using System.Collections.Concurrent;
using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.Data.Bulk;
using Platform.Data.Ledger;

namespace Platform.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Stands in for CaptionWorker and TranslateWorker on the real broker and database: consumes caption and translation
/// batches from their queues, leases them, writes one deterministic text per item and language with the production
/// writer, and publishes <see cref="BatchCompleted"/>. Tests can make it hold batches at a gate, "die" holding one,
/// fail chosen items or languages, or caption with a text of their choosing; it keeps every batch it was sent.
/// </summary>
public sealed class FakeGenerationWorker : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly IBusControl bus;
    private readonly BatchClaims claims;
    private readonly ResultWriter writer;
    private readonly ConcurrentDictionary<(Guid, int), int> deliveries = new();
    private readonly ConcurrentDictionary<(Guid, int), int> handled = new();
    private readonly ConcurrentDictionary<(Guid, int), bool> diedOn = new();
    private readonly ConcurrentQueue<ReceivedBatch> received = new();

    public FakeGenerationWorker(string postgres, string rabbitMq)
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
                endpoint.Handler<CaptionBatch>(context => HandleAsync(
                    context, context.Message.JobId, context.Message.BatchIndex, context.Message.Items, context.Message.Languages, (item, language) => Captions(item.Key, language)));
            });
            configure.ReceiveEndpoint("translate-batch", endpoint =>
            {
                endpoint.PrefetchCount = 4;
                endpoint.Handler<TranslateBatch>(context => HandleAsync(
                    context, context.Message.JobId, context.Message.BatchIndex, context.Message.Items, context.Message.TargetLanguages, (item, language) => TranslationFor(item.Text!, language)));
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

    public IReadOnlyList<ReceivedBatch> ReceivedFor(Guid jobId) => [.. received.Where(batch => batch.JobId == jobId)];

    public int DeliveriesOf(Guid jobId, int batchIndex) => deliveries.GetValueOrDefault((jobId, batchIndex));

    /// <summary>Deliveries of the batch that ran to the end (results written and the event published, or nothing to do).</summary>
    public int HandledOf(Guid jobId, int batchIndex) => handled.GetValueOrDefault((jobId, batchIndex));

    public int TotalDeliveries(Guid jobId) => deliveries.Where(d => d.Key.Item1 == jobId).Sum(d => d.Value);

    public Task StartAsync() => bus.StartAsync();

    public static string CaptionFor(string key, string language) => $"caption of {key} in {language}";

    public static string TranslationFor(string text, string language) => $"{text} translated to {language}";

    private async Task HandleAsync(
        ConsumeContext context, Guid jobId, int batchIndex, IReadOnlyList<WorkItem> items, IReadOnlyList<string> languages, Func<WorkItem, string, string> textFor)
    {
        await WorkAsync(context, jobId, batchIndex, items, languages, textFor);
        handled.AddOrUpdate((jobId, batchIndex), 1, (_, count) => count + 1);
    }

    private async Task WorkAsync(
        ConsumeContext context, Guid jobId, int batchIndex, IReadOnlyList<WorkItem> items, IReadOnlyList<string> languages, Func<WorkItem, string, string> textFor)
    {
        received.Enqueue(new ReceivedBatch(jobId, batchIndex, items, languages));
        deliveries.AddOrUpdate((jobId, batchIndex), 1, (_, count) => count + 1);
        if (Gate is { } gate)
        {
            await gate.WaitAsync(context.CancellationToken);
        }
        if (!await claims.TryClaimAsync(jobId, batchIndex, Lease, context.CancellationToken))
        {
            return;
        }
        if (batchIndex == DieOnceOnBatch && diedOn.TryAdd((jobId, batchIndex), true))
        {
            return;
        }
        var results = new List<ResultRow>();
        var failures = new List<ItemFailure>();
        foreach (var item in items)
        {
            if (Fails?.Invoke(item.Key, null) == true)
            {
                failures.Add(new ItemFailure(item.Ordinal, item.Key, null, "http_error", "failed by the test"));
                continue;
            }
            foreach (var language in languages)
            {
                if (Fails?.Invoke(item.Key, language) == true)
                {
                    failures.Add(new ItemFailure(item.Ordinal, item.Key, language, "unsupported_language", "failed by the test"));
                }
                else
                {
                    results.Add(new ResultRow(item.Ordinal, language, item.Key, textFor(item, language), -1.0, []));
                }
            }
        }
        await writer.WriteAsync(jobId, results, failures, context.CancellationToken);
        var failed = failures.Select(failure => failure.Ordinal).Distinct().Count();
        await context.Publish(new BatchCompleted(jobId, batchIndex, items.Count - failed, failed, failures), context.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await bus.StopAsync();
        await dataSource.DisposeAsync();
    }
}

public sealed record ReceivedBatch(Guid JobId, int BatchIndex, IReadOnlyList<WorkItem> Items, IReadOnlyList<string> Languages);
