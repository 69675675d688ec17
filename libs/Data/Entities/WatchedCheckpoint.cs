namespace Platform.Data.Entities;

/// <summary>A <c>ckpt-N/</c> folder the checkpoint watcher has seen under a watched blob prefix, and what became of it.</summary>
public sealed class WatchedCheckpoint
{
    public required string Watch { get; set; }
    /// <summary>Blob path of the folder (<c>container/prefix/ckpt-N</c>).</summary>
    public required string Folder { get; set; }
    public long Step { get; set; }
    public WatchedCheckpointState State { get; set; }
    /// <summary>Hash of the folder's listing (names, sizes, ETags) at the last scan: unchanged between two scans means stable.</summary>
    public required string Fingerprint { get; set; }
    /// <summary>Why it is still waiting, or why it was rejected.</summary>
    public string? Detail { get; set; }
    /// <summary>Registrations tried and failed; the watcher gives up on the folder after the configured number.</summary>
    public int FailedAttempts { get; set; }
    public Guid? CheckpointId { get; set; }
    public Guid? JobId { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
