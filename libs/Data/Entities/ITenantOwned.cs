namespace Platform.Data.Entities;

/// <summary>A row that belongs to one tenant and is visible to that tenant only.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
