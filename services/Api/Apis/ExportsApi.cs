using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Platform.Api.Apis.Models;
using Platform.Api.Services;
using Platform.Api.Tenancy;
using Platform.Data.Entities;
using Platform.Exports;
using Platform.Storage.Blobs;

namespace Platform.Api.Apis;

/// <summary>A finished job's results as JSONL, CSV or Parquet files, streamed through the Api or fetched with a signed link.</summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/jobs/{id:guid}/exports").WithTags("Exports");
        api.MapGet("/", ListAsync);
        api.MapGet("/{format}", DownloadAsync);
        api.MapGet("/{format}/link", LinkAsync);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ExportResponse>>, ProblemHttpResult>> ListAsync(Guid id, ICurrentTenant tenant, JobExports exports, CancellationToken cancellationToken)
    {
        if (await exports.ListAsync(tenant.Id, id, cancellationToken) is not { } written)
        {
            return NoJob(id);
        }
        return TypedResults.Ok<IReadOnlyList<ExportResponse>>([.. written.Select(export => Describe(export, ExportFormat.Find(export.Format)!))]);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, string format, ICurrentTenant tenant, JobExports exports, BlobStore blobs, CancellationToken cancellationToken)
    {
        var (export, exportFormat, problem) = await FindAsync(tenant.Id, id, format, exports, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (container, path) = BlobStore.SplitBlobPath(export!.BlobPath);
        var content = await blobs.OpenReadAsync(container, path, cancellationToken);
        return TypedResults.Stream(
            content, exportFormat!.ContentType, exportFormat.FileName(id),
            entityTag: new EntityTagHeaderValue($"\"{export.Sha256}\""), enableRangeProcessing: true);
    }

    private static async Task<Results<Ok<ExportLinkResponse>, ProblemHttpResult>> LinkAsync(
        Guid id, string format, ICurrentTenant tenant, JobExports exports, BlobStore blobs, IOptions<ExportOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (export, _, problem) = await FindAsync(tenant.Id, id, format, exports, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (container, path) = BlobStore.SplitBlobPath(export!.BlobPath);
        var expiresAt = clock.GetUtcNow() + options.Value.LinkLifetime;
        return TypedResults.Ok(new ExportLinkResponse(blobs.ReadSasUri(container, path, expiresAt), expiresAt));
    }

    private static async Task<(JobExport? Export, ExportFormat? Format, ProblemHttpResult? Problem)> FindAsync(
        Guid tenantId, Guid id, string format, JobExports exports, CancellationToken cancellationToken)
    {
        if (ExportFormat.Find(format) is not { } exportFormat)
        {
            return (null, null, TypedResults.Problem(
                $"'{format}' is not an export format; use one of {string.Join(", ", ExportFormat.All.Select(f => f.Name))}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Unknown export format"));
        }
        var lookup = await exports.FindOrWriteAsync(tenantId, id, exportFormat, cancellationToken);
        return lookup switch
        {
            { JobExists: false } => (null, exportFormat, NoJob(id)),
            { Export: null } => (null, exportFormat, TypedResults.Problem(
                $"Job {id} is {lookup.Status}: it has exports once it has finished.", statusCode: StatusCodes.Status409Conflict, title: "Job not finished")),
            _ => (lookup.Export, exportFormat, null),
        };
    }

    private static ProblemHttpResult NoJob(Guid id) =>
        TypedResults.Problem($"Job {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Job not found");

    private static ExportResponse Describe(JobExport export, ExportFormat format)
    {
        var download = $"/v1/jobs/{export.JobId}/exports/{format.Name}";
        return new ExportResponse(
            format.Name, format.ContentType, export.RowCount, export.SizeBytes, export.Sha256, export.CreatedAt, new ExportLinks(download, $"{download}/link"));
    }
}
