namespace Platform.Api.Services;

/// <summary>SQL fragments on the <c>jobs</c> row shared by every place that settles a job.</summary>
internal static class JobSettlement
{
    /// <summary>The final status of a job from its item counters.</summary>
    public const string StatusFromCounters =
        "CASE WHEN items_failed = 0 THEN 'Succeeded' WHEN items_succeeded = 0 THEN 'Failed' ELSE 'CompletedWithErrors' END";

    /// <summary>
    /// The job ends with a scoring step (evaluations, translations over a dataset with references, scoring jobs):
    /// it stays Running after its last batch until EvalWorker reports its scores.
    /// </summary>
    public const string HasScoringStep = "jsonb_typeof(parameters -> 'scoring') = 'object'";
}
