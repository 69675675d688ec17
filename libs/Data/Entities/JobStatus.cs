namespace Platform.Data.Entities;

public enum JobStatus
{
    Pending,
    Running,
    Succeeded,
    CompletedWithErrors,
    Failed,
    Cancelled,
}
