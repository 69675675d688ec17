using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

/// <summary>A configured checkpoint watch and every checkpoint folder it has seen, by step.</summary>
public sealed record CheckpointWatchResponse(
    string Name, string BlobPrefix, CheckpointTask Task, string Dataset, IReadOnlyList<string> Languages, string Cron, string? Marker,
    IReadOnlyList<WatchedFolderResponse> Folders);

/// <summary>What became of one <c>ckpt-N/</c> folder: still waiting (and why), registered (checkpoint and job), or rejected (and why).</summary>
public sealed record WatchedFolderResponse(
    string Folder, long Step, WatchedCheckpointState State, string? Detail, int FailedAttempts, Guid? CheckpointId, Guid? JobId,
    DateTimeOffset FirstSeenAt, DateTimeOffset UpdatedAt)
{
    public static WatchedFolderResponse From(WatchedCheckpoint folder) => new(
        folder.Folder, folder.Step, folder.State, folder.Detail, folder.FailedAttempts, folder.CheckpointId, folder.JobId, folder.FirstSeenAt, folder.UpdatedAt);
}
