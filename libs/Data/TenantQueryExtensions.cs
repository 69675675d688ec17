using Platform.Data.Entities;

namespace Platform.Data;

public static class TenantQueryExtensions
{
    /// <summary>The rows of one tenant: what a request may see. Another tenant's row reads as missing (404), not forbidden.</summary>
    public static IQueryable<T> OwnedBy<T>(this IQueryable<T> rows, Guid tenantId)
        where T : class, ITenantOwned => rows.Where(row => row.TenantId == tenantId);
}
