namespace Platform.Workers.Checkpoints;

/// <summary>A checkpoint whose sessions are warm in this process, as readiness reports it.</summary>
public sealed record LoadedCheckpoint(Guid Id, string Sha256, string Kind);
