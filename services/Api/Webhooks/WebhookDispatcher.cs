using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Options;
using Platform.Api.Services;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>
/// Records a settled job's event for each receiver (the job's own URL, and every enabled endpoint of its tenant
/// whose filter matches) and puts the first attempts on Hangfire. Runs inside the transaction that settled the job.
/// </summary>
internal sealed class WebhookDispatcher(
    EnlistedConnections connections,
    WebhookAttemptScheduler scheduler,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    public async Task EnqueueAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var deliveries = await RecordDeliveriesAsync(jobId, cancellationToken);
        // Only once the connection is closed: Hangfire's own open must find the enlisted connection free to reuse.
        var firstDelay = scheduler.DelayBefore(1) ?? TimeSpan.Zero;
        foreach (var deliveryId in deliveries)
        {
            scheduler.Schedule(deliveryId, 1, firstDelay);
        }
    }

    private async Task<List<Guid>> RecordDeliveriesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var job = await SettledJob.ReadAsync(connection, jobId, cancellationToken);
        var eventType = WebhookEvents.ForStatus(job.Status);
        var payload = WebhookPayload.Serialize(eventType, job, options.Value.PublicBaseUrl);
        var receivers = new List<(Guid? EndpointId, string Url)>();
        if (job.WebhookUrl is { } jobUrl)
        {
            receivers.Add((null, jobUrl));
        }
        receivers.AddRange(await MatchingEndpointsAsync(connection, job.TenantId, eventType, cancellationToken));
        var firstAttemptAt = clock.GetUtcNow() + (scheduler.DelayBefore(1) ?? TimeSpan.Zero);
        var deliveries = new List<Guid>();
        foreach (var (endpointId, url) in receivers)
        {
            var deliveryId = Guid.CreateVersion7();
            await connection.ExecuteAsync(
                """
                INSERT INTO webhook_deliveries (id, tenant_id, job_id, endpoint_id, webhook_id, event_type, url, payload, state, attempts, next_attempt_at, created_at)
                VALUES (@id, @tenant, @job, @endpoint, @webhookId, @eventType, @url, @payload, 'Pending', 0, @next, now())
                """,
                cancellationToken,
                ("id", deliveryId), ("tenant", job.TenantId), ("job", jobId), ("endpoint", endpointId), ("webhookId", $"msg_{deliveryId:N}"),
                ("eventType", eventType), ("url", url), ("payload", payload), ("next", firstAttemptAt));
            deliveries.Add(deliveryId);
        }
        if (deliveries.Count > 0)
        {
            logger.LogInformation("Job {JobId} sends {EventType} to {ReceiverCount} webhook receivers", jobId, eventType, deliveries.Count);
        }
        return deliveries;
    }

    private static async Task<List<(Guid?, string)>> MatchingEndpointsAsync(
        NpgsqlConnection connection, Guid tenantId, string eventType, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(
            "SELECT id, url FROM webhook_endpoints WHERE tenant_id = @tenant AND disabled_at IS NULL AND (@event = ANY(events) OR @all = ANY(events)) ORDER BY created_at",
            ("tenant", tenantId), ("event", eventType), ("all", WebhookEndpoint.AllEvents));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var endpoints = new List<(Guid?, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add((reader.GetGuid(0), reader.GetString(1)));
        }
        return endpoints;
    }
}
