using Microsoft.EntityFrameworkCore;
using Platform.Api.Apis.Models;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Services;

internal sealed class JobQueries(IDbContextFactory<PlatformDbContext> contexts, TimeProvider clock)
{
    public async Task<JobResponse?> GetAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.OwnedBy(tenantId).AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }
        var family = await db.Jobs.Where(j => j.ParentJobId == jobId).Select(j => j.Id).ToListAsync(cancellationToken);
        family.Add(jobId);
        await ChildProgress.ApplyAsync(db, [job], cancellationToken);
        var errors = await db.ItemFailures.AsNoTracking()
            .Where(f => family.Contains(f.JobId))
            .GroupBy(f => f.Reason)
            .Select(g => new { Reason = g.Key, Count = g.LongCount(), Example = g.OrderBy(f => f.Ordinal).First() })
            .OrderByDescending(g => g.Count)
            .Take(20)
            .ToListAsync(cancellationToken);
        var summary = errors.Select(e => new ErrorSummary(e.Reason, e.Count, e.Example.ItemKey, e.Example.Detail)).ToList();
        return job.ToResponse(summary, clock.GetUtcNow());
    }

    public JobResponse DescribeNew(Job job) => job.ToResponse([], clock.GetUtcNow());

    public async Task<JobPage> ListAsync(Guid tenantId, JobListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = db.Jobs.OwnedBy(tenantId).AsNoTracking();
        if (query.Status is { } status)
        {
            jobs = jobs.Where(j => j.Status == status);
        }
        if (query.Kind is { } kind)
        {
            jobs = jobs.Where(j => j.Kind == kind);
        }
        if (query.DatasetId is { } datasetId)
        {
            jobs = jobs.Where(j => j.DatasetId == datasetId);
        }
        if (query.ParentJobId is { } parentJobId)
        {
            jobs = jobs.Where(j => j.ParentJobId == parentJobId);
        }
        if (query.After is { } after)
        {
            jobs = jobs.Where(j => j.CreatedAt < after.CreatedAt || (j.CreatedAt == after.CreatedAt && j.Id.CompareTo(after.Id) < 0));
        }
        var page = await jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Take(query.Limit + 1)
            .ToListAsync(cancellationToken);
        await ChildProgress.ApplyAsync(db, page, cancellationToken);
        var now = clock.GetUtcNow();
        var items = page.Take(query.Limit).Select(j => j.ToResponse([], now)).ToList();
        var next = page.Count > query.Limit ? JobCursor.Encode(page[query.Limit - 1]) : null;
        return new JobPage(items, next);
    }

    public async Task<ResultPage?> ResultsAsync(Guid tenantId, Guid jobId, ResultCursor? after, string? language, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Jobs.OwnedBy(tenantId).AnyAsync(j => j.Id == jobId, cancellationToken))
        {
            return null;
        }
        var results = db.Results.AsNoTracking().Where(r => r.JobId == jobId);
        if (language is not null)
        {
            results = results.Where(r => r.Language == language);
        }
        if (after is { } cursor)
        {
            results = results.Where(r => r.Ordinal > cursor.Ordinal || (r.Ordinal == cursor.Ordinal && string.Compare(r.Language, cursor.Language) > 0));
        }
        var page = await results.OrderBy(r => r.Ordinal).ThenBy(r => r.Language).Take(limit + 1).ToListAsync(cancellationToken);
        var items = page.Take(limit).Select(r => new ResultItem(r.ItemKey, r.Ordinal, r.Language, r.Text, r.Score, r.Flags)).ToList();
        var next = page.Count > limit ? ResultCursor.Encode(page[limit - 1].Ordinal, page[limit - 1].Language) : null;
        return new ResultPage(items, next);
    }

    public async Task<FailurePage?> FailuresAsync(Guid tenantId, Guid jobId, long? afterOrdinal, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Jobs.OwnedBy(tenantId).AnyAsync(j => j.Id == jobId, cancellationToken))
        {
            return null;
        }
        var failures = db.ItemFailures.AsNoTracking().Where(f => f.JobId == jobId && f.Ordinal > (afterOrdinal ?? -1));
        var page = await failures.OrderBy(f => f.Ordinal).ThenBy(f => f.Language).Take(limit + 1).ToListAsync(cancellationToken);
        var items = page.Take(limit)
            .Select(f => new FailureItem(f.ItemKey, f.Ordinal, f.Language.Length == 0 ? null : f.Language, f.Reason, f.Detail))
            .ToList();
        return new FailurePage(items, page.Count > limit ? page[limit - 1].Ordinal : null);
    }
}
