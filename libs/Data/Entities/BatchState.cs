namespace Platform.Data.Entities;

public enum BatchState
{
    /// <summary>Recorded by the plan; not yet published.</summary>
    Pending,
    /// <summary>Published; waiting in the queue.</summary>
    Dispatched,
    /// <summary>A worker holds it until its lease ends.</summary>
    Running,
    Completed,
    Cancelled,
    /// <summary>Gave up after too many leases expired; its items are recorded as failed.</summary>
    Abandoned,
}
