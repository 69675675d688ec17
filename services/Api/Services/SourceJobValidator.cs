using Platform.Api.Apis.Models;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>
/// Checks the job whose output a translation job reads (<c>sourceJobId</c>): it must be the tenant's finished caption or
/// translation job on the same dataset, and have produced the source language. Returns the first problem, or null.
/// </summary>
internal static class SourceJobValidator
{
    private static readonly JobStatus[] Finished = [JobStatus.Succeeded, JobStatus.CompletedWithErrors];

    /// <param name="source">The job, looked up within the caller's tenant; null when there is none.</param>
    public static string? Check(CreateJobRequest request, Job? source)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.SourceJobId;
        if (source is null)
        {
            return $"Job {id} does not exist.";
        }
        if (source.Kind is not (JobKind.Captions or JobKind.Translations))
        {
            return $"Job {id} is of kind {source.Kind}; only a caption or translation job's output can be translated.";
        }
        if (!Finished.Contains(source.Status))
        {
            return $"Job {id} is {source.Status}; only a finished job (Succeeded or CompletedWithErrors) has output to translate.";
        }
        if (source.DatasetId != request.DatasetId)
        {
            return $"Job {id} ran on dataset {source.DatasetId}, not on dataset {request.DatasetId}.";
        }
        return source.Parameters.Languages.Contains(request.SourceLanguage)
            ? null
            : $"Job {id} produced no '{request.SourceLanguage}' output (it produced {string.Join(", ", source.Parameters.Languages)}).";
    }
}
