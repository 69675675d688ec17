namespace Platform.Api.Tenancy;

public static class TenantClaims
{
    /// <summary>The claim that carries the authenticated caller's tenant id.</summary>
    public const string TenantId = "tenant_id";
}
