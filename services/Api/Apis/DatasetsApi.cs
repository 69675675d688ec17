using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Apis.Models;
using Platform.Api.Options;
using Platform.Api.Services;
using Platform.Api.Tenancy;
using Platform.Data;
using Platform.Storage.Archives;
using Platform.Storage.Manifests;

namespace Platform.Api.Apis;

public static class DatasetsApi
{
    private const string Accepted =
        "a manifest (text/csv, text/tab-separated-values, application/x-ndjson), an archive of images (application/zip, application/x-tar) or JSON {\"name\", \"blobPrefix\"}";

    public static RouteGroupBuilder MapDatasetsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/datasets").WithTags("Datasets");
        api.MapPost("/", CreateAsync).DisableAntiforgery();
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/", ListAsync);
        return api;
    }

    private static async Task<Results<Created<DatasetResponse>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ICurrentTenant tenant, DatasetIngestion ingestion, IOptions<UploadOptions> options, CancellationToken cancellationToken, string? name = null)
    {
        if (UploadGuard.Check(request, options.Value.MaxUploadBytes) is { } tooLarge)
        {
            return tooLarge;
        }
        try
        {
            var dataset = await IngestAsync(request, tenant.Id, ingestion, name, cancellationToken);
            return dataset is null
                ? UploadGuard.UnsupportedMediaType(request.ContentType, Accepted)
                : TypedResults.Created($"/v1/datasets/{dataset.Id}", dataset);
        }
        catch (ManifestFormatException exception)
        {
            return UploadGuard.Invalid(exception.Message, new Dictionary<string, object?> { ["errors"] = exception.Errors });
        }
        catch (Exception exception) when (exception is ArchiveRejectedException or ArgumentException or JsonException)
        {
            return UploadGuard.Invalid(exception.Message);
        }
        catch (DatasetRejectedException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Empty dataset");
        }
    }

    private static async Task<DatasetResponse?> IngestAsync(HttpRequest request, Guid tenantId, DatasetIngestion ingestion, string? name, CancellationToken cancellationToken)
    {
        var fallbackName = name ?? $"dataset-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}";
        if (ManifestReader.FormatFromContentType(request.ContentType) is { } manifestFormat)
        {
            return DatasetResponse.From(await ingestion.FromManifestAsync(tenantId, fallbackName, request.Body, manifestFormat, cancellationToken));
        }
        if (ArchiveReader.FormatFromContentType(request.ContentType) is { } archiveFormat)
        {
            return DatasetResponse.From(await ingestion.FromArchiveAsync(tenantId, fallbackName, request.Body, archiveFormat, cancellationToken));
        }
        if (request.HasJsonContentType())
        {
            var body = await request.ReadFromJsonAsync<BlobPrefixDatasetRequest>(cancellationToken);
            if (string.IsNullOrWhiteSpace(body?.BlobPrefix))
            {
                throw new ArgumentException("'blobPrefix' (container/prefix) is required.");
            }
            return DatasetResponse.From(await ingestion.FromBlobPrefixAsync(tenantId, body.Name ?? fallbackName, body.BlobPrefix, cancellationToken));
        }
        return null;
    }

    private static async Task<Results<Ok<DatasetResponse>, NotFound>> GetAsync(
        Guid id, ICurrentTenant tenant, IDbContextFactory<PlatformDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.OwnedBy(tenant.Id).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return dataset is null ? TypedResults.NotFound() : TypedResults.Ok(DatasetResponse.From(dataset));
    }

    private static async Task<Ok<List<DatasetResponse>>> ListAsync(
        ICurrentTenant tenant, IDbContextFactory<PlatformDbContext> contexts, CancellationToken cancellationToken, int limit = 100)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var datasets = await db.Datasets.OwnedBy(tenant.Id).AsNoTracking()
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(Math.Clamp(limit, 1, 1000))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(datasets.Select(DatasetResponse.From).ToList());
    }
}
