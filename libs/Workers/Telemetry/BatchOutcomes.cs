namespace Platform.Workers.Telemetry;

/// <summary>Values of the <c>outcome</c> tag on <c>platform.worker.batches</c>.</summary>
public static class BatchOutcomes
{
    public const string Completed = "completed";
    public const string Skipped = "skipped";
    public const string Returned = "returned";
    public const string Faulted = "faulted";
}
