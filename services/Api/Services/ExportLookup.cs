using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>A job's export in one format, or why there is none: no such job, or a job that has not finished.</summary>
internal sealed record ExportLookup(JobExport? Export, JobStatus? Status)
{
    public static readonly ExportLookup NoJob = new(null, null);

    public bool JobExists => Status is not null;
}
