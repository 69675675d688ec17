namespace Platform.Api.Authentication;

/// <summary>Names of the authorization and rate-limiting policies on the <c>/v1</c> endpoints.</summary>
public static class ApiPolicies
{
    /// <summary>Every <c>/v1</c> endpoint: an authenticated caller (a valid key, or keyless in Development).</summary>
    public const string Client = "api-client";

    /// <summary><c>/v1/admin</c>: a key with the admin role.</summary>
    public const string Admin = "api-admin";

    /// <summary>The rate limit, one budget per API key (per remote address for keyless requests).</summary>
    public const string PerKey = "per-key";
}
