using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Entities;
using Platform.Exports;

namespace Platform.Api.Services;

/// <summary>
/// A finished job's exports: written when the job settles, and on demand for a format not written yet (the settling
/// export still queued, or a job cancelled). Until a job finishes it has none: its results are still changing.
/// </summary>
internal sealed class JobExports(IDbContextFactory<PlatformDbContext> contexts, ExportStore store, ILogger<JobExports> logger)
{
    private static readonly JobStatus[] Finished = [JobStatus.Succeeded, JobStatus.CompletedWithErrors, JobStatus.Failed, JobStatus.Cancelled];

    /// <param name="tenantId">The caller's tenant: another tenant's job reads as unknown.</param>
    public async Task<ExportLookup> FindOrWriteAsync(Guid tenantId, Guid jobId, ExportFormat format, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return ExportLookup.NoJob;
        }
        if (!IsFinished(job))
        {
            return new ExportLookup(null, job.Status);
        }
        // Read again after a write that was not recorded: a concurrent writer may have recorded the same export first.
        var export = await RecordedAsync(db, jobId, format, cancellationToken)
            ?? await WriteAsync(job, format, cancellationToken)
            ?? await RecordedAsync(db, jobId, format, cancellationToken);
        return new ExportLookup(export, job.Status);
    }

    /// <returns>Null when there is no such job.</returns>
    public async Task<IReadOnlyList<JobExport>?> ListAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Jobs.OwnedBy(tenantId).AnyAsync(j => j.Id == jobId, cancellationToken))
        {
            return null;
        }
        var exports = await db.JobExports.AsNoTracking().Where(e => e.JobId == jobId).ToListAsync(cancellationToken);
        return [.. exports.OrderBy(e => ExportFormat.All.ToList().FindIndex(f => f.Name == e.Format))];
    }

    public async Task WriteMissingAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || !IsFinished(job))
        {
            logger.LogInformation("Job {JobId} is not settled; no exports written", jobId);
            return;
        }
        var written = await db.JobExports.Where(e => e.JobId == jobId).Select(e => e.Format).ToListAsync(cancellationToken);
        foreach (var format in ExportFormat.All.Where(f => !written.Contains(f.Name)))
        {
            await WriteAsync(job, format, cancellationToken);
        }
    }

    private static Task<JobExport?> RecordedAsync(PlatformDbContext db, Guid jobId, ExportFormat format, CancellationToken cancellationToken) =>
        db.JobExports.AsNoTracking().SingleOrDefaultAsync(e => e.JobId == jobId && e.Format == format.Name, cancellationToken);

    private static bool IsFinished(Job job) => Finished.Contains(job.Status) && job.CompletedAt is not null;

    private async Task<JobExport?> WriteAsync(Job job, ExportFormat format, CancellationToken cancellationToken)
    {
        var export = await store.WriteAsync(new ExportedJob(job.Id, job.DatasetId, job.Parameters.SourceLanguage), format, job.CompletedAt!.Value, cancellationToken);
        if (export is null)
        {
            logger.LogInformation("Job {JobId} changed while its {Format} export was written; not recorded", job.Id, format.Name);
        }
        else
        {
            logger.LogInformation("Job {JobId} exported as {Format}: {Rows} rows, {Bytes} bytes", job.Id, format.Name, export.RowCount, export.SizeBytes);
        }
        return export;
    }
}
