using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

public sealed record TenantResponse(Guid Id, string Name, DateTimeOffset CreatedAt)
{
    public static TenantResponse From(Tenant tenant) => new(tenant.Id, tenant.Name, tenant.CreatedAt);
}

public sealed record CreateTenantRequest(string? Name);
