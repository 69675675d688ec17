using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Api.Webhooks;
using Platform.Data;

namespace Platform.Api.Services;

/// <summary>
/// Idempotency-Key handling for every create endpoint: a retried request gets the job the first one created, a key
/// reused for a different request is refused, and of two concurrent twins the loser gets the winner's job.
/// </summary>
internal sealed class IdempotentCreation(IDbContextFactory<PlatformDbContext> contexts, WebhookSecrets webhookSecrets)
{
    public const int MaxKeyLength = 200;

    /// <param name="request">What identifies the request (serialized and hashed).</param>
    /// <param name="create">Creates the job, storing the key and the given request hash on it.</param>
    /// <param name="tenantId">Keys are the tenant's own: another tenant's same key is another request.</param>
    public async Task<JobCreationResult> CreateAsync(
        Guid tenantId,
        string? idempotencyKey, object request, Func<string, Task<JobCreationResult>> create, CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: > MaxKeyLength })
        {
            return JobCreationResult.Invalid($"The Idempotency-Key header is longer than {MaxKeyLength} characters.");
        }
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
        if (await FindReplayAsync(tenantId, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }
        try
        {
            return await create(requestHash);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && idempotencyKey is not null)
        {
            // A concurrent request with the same Idempotency-Key won the race.
            return (await FindReplayAsync(tenantId, idempotencyKey, requestHash, cancellationToken))!;
        }
    }

    private async Task<JobCreationResult?> FindReplayAsync(Guid tenantId, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Jobs.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(j => j.IdempotencyKey == idempotencyKey, cancellationToken);
        return existing switch
        {
            null => null,
            _ when existing.RequestHash != requestHash => JobCreationResult.Unprocessable(
                $"Idempotency-Key '{idempotencyKey}' was already used for a different request (job {existing.Id})."),
            _ => JobCreationResult.Replayed(existing, existing.WebhookSecret is { } stored ? webhookSecrets.Reveal(stored) : null),
        };
    }
}
