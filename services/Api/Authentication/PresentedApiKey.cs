namespace Platform.Api.Authentication;

internal static class PresentedApiKey
{
    /// <summary>The key from <c>Authorization: Bearer …</c> or <c>X-Api-Key</c>, or null when the request carries none.</summary>
    public static string? Of(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        return request.Headers.TryGetValue(ApiKeyDefaults.Header, out var header) ? header.ToString().Trim() : null;
    }
}
