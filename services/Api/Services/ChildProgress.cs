using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>
/// A parent job's progress is its children's summed: read from them, since its own row holds the sums only once it
/// settles with its last child (not when it is cancelled as a whole).
/// </summary>
internal static class ChildProgress
{
    /// <param name="jobs">Read without tracking: the parents among them are updated in memory.</param>
    public static async Task ApplyAsync(PlatformDbContext db, IReadOnlyList<Job> jobs, CancellationToken cancellationToken)
    {
        var parents = jobs.Where(j => j.Kind == JobKind.Evaluations && j.CheckpointId is null).ToDictionary(j => j.Id);
        if (parents.Count == 0)
        {
            return;
        }
        var ids = parents.Keys.ToList();
        var sums = await db.Jobs.AsNoTracking()
            .Where(j => j.ParentJobId != null && ids.Contains(j.ParentJobId.Value))
            .GroupBy(j => j.ParentJobId!.Value)
            .Select(g => new
            {
                Parent = g.Key,
                BatchCount = g.Sum(j => j.BatchCount),
                BatchesSettled = g.Sum(j => j.BatchesSettled),
                ItemsSucceeded = g.Sum(j => j.ItemsSucceeded),
                ItemsFailed = g.Sum(j => j.ItemsFailed),
                StartedAt = g.Min(j => j.StartedAt),
            })
            .ToListAsync(cancellationToken);
        foreach (var sum in sums)
        {
            var parent = parents[sum.Parent];
            (parent.BatchCount, parent.BatchesSettled, parent.ItemsSucceeded, parent.ItemsFailed) = (sum.BatchCount, sum.BatchesSettled, sum.ItemsSucceeded, sum.ItemsFailed);
            parent.StartedAt ??= sum.StartedAt;
        }
    }
}
