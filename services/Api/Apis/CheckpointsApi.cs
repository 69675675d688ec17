using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Apis.Models;
using Platform.Api.Options;
using Platform.Api.Services;
using Platform.Api.Tenancy;
using Platform.Data;
using Platform.Data.Entities;
using Platform.Storage.Archives;

namespace Platform.Api.Apis;

public static class CheckpointsApi
{
    public static RouteGroupBuilder MapCheckpointsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/checkpoints").WithTags("Checkpoints");
        api.MapPost("/", UploadAsync).DisableAntiforgery();
        api.MapPost("/register", RegisterAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/", ListAsync);
        api.MapGet("/watches", WatchesAsync);
        return api;
    }

    private static async Task<Results<Created<CheckpointResponse>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ICurrentTenant tenant, CheckpointRegistry registry, IOptions<UploadOptions> options, CancellationToken cancellationToken,
        string? name = null, CheckpointTask? task = null)
    {
        if (UploadGuard.Check(request, options.Value.MaxUploadBytes) is { } tooLarge)
        {
            return tooLarge;
        }
        if (ArchiveReader.FormatFromContentType(request.ContentType) is not { } format)
        {
            return UploadGuard.UnsupportedMediaType(request.ContentType, "a zip (application/zip) or tar (application/x-tar) of the export folder");
        }
        if (string.IsNullOrWhiteSpace(name) || task is null)
        {
            return UploadGuard.Invalid("Query parameters 'name' and 'task' (ImageToText or TextToText) are required.");
        }
        var extension = format == ArchiveFormat.Zip ? "zip" : "tar";
        try
        {
            var checkpoint = await registry.UploadAsync(tenant.Id, name, task.Value, request.Body, extension, cancellationToken);
            return TypedResults.Created($"/v1/checkpoints/{checkpoint.Id}", CheckpointResponse.From(checkpoint));
        }
        catch (CheckpointRejectedException exception)
        {
            return Rejected(exception);
        }
    }

    private static async Task<Results<Created<CheckpointResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterCheckpointRequest request, ICurrentTenant tenant, CheckpointRegistry registry, IOptions<UploadOptions> options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Task is null || string.IsNullOrWhiteSpace(request.BlobPath))
        {
            return UploadGuard.Invalid("'name', 'task' (ImageToText or TextToText) and 'blobPath' are required.");
        }
        if (UploadContainerGuard.Refusal(request.BlobPath, options.Value.Container) is { } refusal)
        {
            return UploadGuard.Invalid(refusal);
        }
        try
        {
            var checkpoint = await registry.RegisterAsync(tenant.Id, request.Name, request.Task.Value, request.BlobPath, request.Step, cancellationToken);
            return TypedResults.Created($"/v1/checkpoints/{checkpoint.Id}", CheckpointResponse.From(checkpoint));
        }
        catch (Exception exception) when (exception is FileNotFoundException or ArgumentException)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Checkpoint not found in blob storage");
        }
        catch (CheckpointRejectedException exception)
        {
            return Rejected(exception);
        }
    }

    private static ProblemHttpResult Rejected(CheckpointRejectedException exception) =>
        TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Checkpoint failed validation");

    private static async Task<Results<Ok<CheckpointResponse>, NotFound>> GetAsync(
        Guid id, ICurrentTenant tenant, IDbContextFactory<PlatformDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpoint = await db.Checkpoints.OwnedBy(tenant.Id).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return checkpoint is null ? TypedResults.NotFound() : TypedResults.Ok(CheckpointResponse.From(checkpoint));
    }

    private static async Task<Ok<List<CheckpointWatchResponse>>> WatchesAsync(
        ICurrentTenant tenant, IOptions<CheckpointWatchOptions> options, IDbContextFactory<PlatformDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var folders = (await db.WatchedCheckpoints.AsNoTracking().OrderBy(w => w.Step).ToListAsync(cancellationToken)).ToLookup(w => w.Watch);
        return TypedResults.Ok(options.Value.Watches
            .Where(watch => watch.TenantId == tenant.Id)
            .Select(watch => new CheckpointWatchResponse(
                watch.Name, watch.BlobPrefix, watch.Task, watch.Dataset, watch.Languages, watch.Cron, watch.Marker,
                [.. folders[watch.Name].Select(WatchedFolderResponse.From)]))
            .ToList());
    }

    private static async Task<Ok<List<CheckpointResponse>>> ListAsync(
        ICurrentTenant tenant, IDbContextFactory<PlatformDbContext> contexts, CancellationToken cancellationToken, int limit = 100)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpoints = await db.Checkpoints.OwnedBy(tenant.Id).AsNoTracking()
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(Math.Clamp(limit, 1, 1000))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(checkpoints.Select(CheckpointResponse.From).ToList());
    }
}
