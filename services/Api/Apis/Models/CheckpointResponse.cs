using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

public sealed record CheckpointResponse(Guid Id, string Name, CheckpointTask Task, string BlobPath, string Sha256, long SizeBytes, long? Step, DateTimeOffset CreatedAt)
{
    public static CheckpointResponse From(Checkpoint checkpoint) => new(
        checkpoint.Id, checkpoint.Name, checkpoint.Task, checkpoint.BlobPath, checkpoint.Sha256, checkpoint.SizeBytes, checkpoint.Step, checkpoint.CreatedAt);
}

/// <summary>Registers an export already in blob storage: one zip/tar blob, or a folder prefix.</summary>
public sealed record RegisterCheckpointRequest(string? Name, CheckpointTask? Task, string? BlobPath, long? Step);
