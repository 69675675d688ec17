namespace Platform.Data.Entities;

/// <summary>
/// A credential of one tenant. Only the SHA-256 of its secret is stored: the key itself is shown once, when it is
/// created (<see cref="ApiKeys.ApiKeyToken"/>).
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required byte[] SecretHash { get; set; }
    /// <summary>May manage tenants and keys (<c>/v1/admin</c>).</summary>
    public bool IsAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Refreshed at most once per minute, not on every request.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
