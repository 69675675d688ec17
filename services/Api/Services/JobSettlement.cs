namespace Platform.Api.Services;

/// <summary>The final status of a job from its item counters, shared by every place that settles a job.</summary>
internal static class JobSettlement
{
    public const string StatusFromCounters =
        "CASE WHEN items_failed = 0 THEN 'Succeeded' WHEN items_succeeded = 0 THEN 'Failed' ELSE 'CompletedWithErrors' END";
}
