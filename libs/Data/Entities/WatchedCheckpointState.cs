namespace Platform.Data.Entities;

public enum WatchedCheckpointState
{
    /// <summary>Files are missing, or the folder changed since the previous scan.</summary>
    Waiting,
    /// <summary>Registered as a checkpoint and its evaluation job created.</summary>
    Registered,
    /// <summary>Registration or the evaluation job was refused; tried again only when the folder changes.</summary>
    Rejected,
}
