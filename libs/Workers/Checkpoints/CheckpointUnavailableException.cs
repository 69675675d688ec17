namespace Platform.Workers.Checkpoints;

/// <summary>The batch names a checkpoint this worker cannot get (unknown id, missing or unreadable export).</summary>
public sealed class CheckpointUnavailableException(Guid checkpointId, string reason, Exception? innerException = null)
    : Exception($"Checkpoint {checkpointId} is unavailable: {reason}", innerException);
