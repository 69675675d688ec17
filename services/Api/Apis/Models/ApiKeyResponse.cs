using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

/// <summary>A key as listed: never its secret, which is shown only once, in <see cref="IssuedApiKeyResponse"/>.</summary>
public sealed record ApiKeyResponse(Guid Id, Guid TenantId, string Name, bool Admin, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key) => new(key.Id, key.TenantId, key.Name, key.IsAdmin, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A key just created, with the key itself: it is stored nowhere and cannot be shown again.</summary>
public sealed record IssuedApiKeyResponse(Guid Id, Guid TenantId, string Name, bool Admin, DateTimeOffset CreatedAt, string Key);

public sealed record CreateApiKeyRequest(Guid? TenantId, string? Name, bool? Admin);
