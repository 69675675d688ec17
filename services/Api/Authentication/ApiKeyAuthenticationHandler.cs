using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.ApiKeys;

namespace Platform.Api.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer pk_…</c> or <c>X-Api-Key: pk_…</c> against the stored hash of the key's
/// secret. Refusals are problem details with a <c>WWW-Authenticate</c> challenge.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<PlatformDbContext> contexts,
    IProblemDetailsService problems,
    TimeProvider clock)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedApiKey.Of(Request) is not { } presented)
        {
            return Options.KeylessActsAsDefaultTenant ? Success(ApiKeyPrincipals.DefaultTenant()) : AuthenticateResult.NoResult();
        }
        if (!ApiKeyToken.TryParse(presented, out var id, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, Context.RequestAborted);
        if (key is null || !ApiKeyToken.Matches(secret, key.SecretHash))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }
        if (key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key has been revoked.");
        }
        await RecordUseAsync(db, key.Id, key.LastUsedAt);
        return Success(ApiKeyPrincipals.For(key));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer realm=\"platform\"" : "Bearer realm=\"platform\", error=\"invalid_token\"";
        var detail = result.Failure?.Message ?? $"An API key is required: send 'Authorization: Bearer pk_…' or '{ApiKeyDefaults.Header}: pk_…'.";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This endpoint needs an admin API key.");

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));

    /// <summary>One write per key and <see cref="ApiKeyAuthenticationOptions.LastUsedResolution"/>, not one per request.</summary>
    private async Task RecordUseAsync(PlatformDbContext db, Guid keyId, DateTimeOffset? lastUsed)
    {
        var now = clock.GetUtcNow();
        var staleBefore = now - Options.LastUsedResolution;
        if (lastUsed >= staleBefore)
        {
            return;
        }
        await db.ApiKeys
            .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < staleBefore))
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
