using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

internal static class JobResponseMapper
{
    public static JobResponse ToResponse(this Job job, IReadOnlyList<ErrorSummary> errors, DateTimeOffset now)
    {
        var processed = job.ItemsSucceeded + job.ItemsFailed;
        var percent = job.ItemsTotal == 0 ? 0 : Math.Round(100.0 * processed / job.ItemsTotal, 2);
        var elapsed = ((job.CompletedAt ?? now) - (job.StartedAt ?? now)).TotalSeconds;
        double? rate = elapsed > 0 && processed > 0 ? processed / elapsed : null;
        var remaining = Math.Max(0, job.ItemsTotal - processed);
        double? eta = job.CompletedAt is null && rate is > 0 ? remaining / rate : null;
        var self = $"/v1/jobs/{job.Id}";
        return new JobResponse(
            job.Id, job.Kind, job.Status, job.DatasetId, job.CheckpointId, job.ParentJobId, job.Parameters,
            new JobBatchCounts(job.BatchCount, job.BatchesSettled, job.BatchSize),
            new JobItemCounts(job.ItemsTotal, job.ItemsSucceeded, job.ItemsFailed, remaining),
            percent, rate, eta, errors, job.Error, job.CreatedAt, job.StartedAt, job.CompletedAt,
            new JobLinks(self, $"{self}/results", $"{self}/failures", $"{self}/cancel", $"{self}/retry-failed", $"{self}/exports", $"{self}/metrics"));
    }
}
