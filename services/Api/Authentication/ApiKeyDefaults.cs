namespace Platform.Api.Authentication;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    /// <summary>Where a key may be sent besides <c>Authorization: Bearer pk_…</c>.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The claim that names the key a request was made with; absent for keyless Development requests.</summary>
    public const string KeyIdClaim = "key_id";

    public const string AdminRole = "admin";
}
