using Platform.Data.Entities;

namespace Platform.Data.ApiKeys;

/// <summary>Creates API keys; the Api's admin endpoint and <c>platform keys create</c> both go through here.</summary>
public static class ApiKeyIssuer
{
    public static async Task<IssuedApiKey> CreateAsync(
        PlatformDbContext db, Guid tenantId, string name, bool isAdmin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = Guid.CreateVersion7();
        var (token, secretHash) = ApiKeyToken.Create(id);
        var key = new ApiKey { Id = id, TenantId = tenantId, Name = name, SecretHash = secretHash, IsAdmin = isAdmin, CreatedAt = now };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new IssuedApiKey(key, token);
    }
}
