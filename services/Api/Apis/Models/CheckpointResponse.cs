using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

/// <param name="Languages">What the checkpoint can produce; null for checkpoints registered before languages were recorded.</param>
public sealed record CheckpointResponse(
    Guid Id, string Name, CheckpointTask Task, string BlobPath, string Sha256, long SizeBytes, long? Step, DateTimeOffset CreatedAt, CheckpointLanguagesResponse? Languages)
{
    public static CheckpointResponse From(Checkpoint checkpoint) => new(
        checkpoint.Id, checkpoint.Name, checkpoint.Task, checkpoint.BlobPath, checkpoint.Sha256, checkpoint.SizeBytes, checkpoint.Step, checkpoint.CreatedAt,
        CheckpointLanguagesResponse.From(checkpoint));
}

/// <summary>Registers an export already in blob storage: one zip/tar blob, or a folder prefix.</summary>
public sealed record RegisterCheckpointRequest(string? Name, CheckpointTask? Task, string? BlobPath, long? Step);
