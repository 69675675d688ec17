namespace Platform.Api.Services;

public enum RetryOutcome
{
    Started,
    NoJob,
    NotFinished,
    Cancelled,
    NothingFailed,
}
