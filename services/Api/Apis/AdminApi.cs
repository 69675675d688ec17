using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Api.Apis.Models;
using Platform.Api.Authentication;
using Platform.Data;
using Platform.Data.ApiKeys;
using Platform.Data.Entities;

namespace Platform.Api.Apis;

/// <summary>Tenants and API keys; admin keys only (the first one comes from <c>platform keys create --admin</c>).</summary>
public static class AdminApi
{
    private const int MaxNameLength = 200;

    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin").WithTags("Admin").RequireAuthorization(ApiPolicies.Admin);
        api.MapPost("/tenants", CreateTenantAsync);
        api.MapGet("/tenants", ListTenantsAsync);
        api.MapPost("/keys", CreateKeyAsync);
        api.MapGet("/keys", ListKeysAsync);
        api.MapDelete("/keys/{id:guid}", RevokeKeyAsync);
        return api;
    }

    private static async Task<Results<Created<TenantResponse>, ProblemHttpResult>> CreateTenantAsync(
        CreateTenantRequest request, IDbContextFactory<PlatformDbContext> contexts, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (InvalidName(request.Name) is { } invalid)
        {
            return invalid;
        }
        var tenant = new Tenant { Id = Guid.CreateVersion7(), Name = request.Name!.Trim(), CreatedAt = clock.GetUtcNow() };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem($"A tenant named '{tenant.Name}' already exists.", statusCode: StatusCodes.Status409Conflict, title: "Tenant exists");
        }
        return TypedResults.Created($"/v1/admin/tenants/{tenant.Id}", TenantResponse.From(tenant));
    }

    private static async Task<Ok<List<TenantResponse>>> ListTenantsAsync(IDbContextFactory<PlatformDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(tenants.Select(TenantResponse.From).ToList());
    }

    private static async Task<Results<Created<IssuedApiKeyResponse>, ProblemHttpResult>> CreateKeyAsync(
        CreateApiKeyRequest request, IDbContextFactory<PlatformDbContext> contexts, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.TenantId is not { } tenantId)
        {
            return TypedResults.Problem("'tenantId' is required.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid key request");
        }
        if (InvalidName(request.Name) is { } invalid)
        {
            return invalid;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            return TypedResults.Problem($"Tenant {tenantId} does not exist.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unknown tenant");
        }
        var issued = await ApiKeyIssuer.CreateAsync(db, tenantId, request.Name!.Trim(), request.Admin ?? false, clock.GetUtcNow(), cancellationToken);
        var key = issued.Key;
        return TypedResults.Created(
            $"/v1/admin/keys/{key.Id}", new IssuedApiKeyResponse(key.Id, key.TenantId, key.Name, key.IsAdmin, key.CreatedAt, issued.Token));
    }

    private static async Task<Ok<List<ApiKeyResponse>>> ListKeysAsync(IDbContextFactory<PlatformDbContext> contexts, CancellationToken cancellationToken, Guid? tenantId = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = tenantId is { } tenant ? db.ApiKeys.OwnedBy(tenant) : db.ApiKeys;
        var list = await keys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(ApiKeyResponse.From).ToList());
    }

    /// <summary>Takes effect on the key's next request; revoking a revoked key changes nothing.</summary>
    private static async Task<Results<NoContent, NotFound>> RevokeKeyAsync(
        Guid id, IDbContextFactory<PlatformDbContext> contexts, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.ApiKeys.AnyAsync(k => k.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null).ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now), cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? InvalidName(string? name) => string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
        ? TypedResults.Problem($"'name' is required, at most {MaxNameLength} characters.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid name")
        : null;
}
