using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Inference;
using Platform.Inference.Checkpoints;
using Platform.Inference.Execution;

namespace Platform.Workers.Checkpoints;

/// <summary>
/// A batch's checkpoint id → warm sessions: looks the export up in <c>checkpoints</c>, has the disk cache fetch it,
/// and loads it once per process (the engine's cache shares the sessions between concurrent batches).
/// </summary>
public sealed class CheckpointProvider(IDbContextFactory<PlatformDbContext> contexts, CheckpointDiskCache disk, CheckpointCache engine)
{
    private readonly ConcurrentDictionary<Guid, LoadedCheckpoint> loaded = new();

    public ExecutionProvider ExecutionProvider => engine.Provider;

    public IReadOnlyCollection<LoadedCheckpoint> Loaded => [.. loaded.Values];

    /// <exception cref="CheckpointUnavailableException">Unknown id, missing export, or a folder the engine refuses.</exception>
    public async Task<Checkpoint> GetAsync(Guid checkpointId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Checkpoints.AsNoTracking().Where(c => c.Id == checkpointId)
            .Select(c => new { c.BlobPath, c.Sha256 }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CheckpointUnavailableException(checkpointId, "no such checkpoint is registered");
        try
        {
            var folder = await disk.GetAsync(row.Sha256, row.BlobPath, cancellationToken);
            var checkpoint = engine.Get(folder);
            loaded.TryAdd(checkpointId, new LoadedCheckpoint(checkpointId, row.Sha256, checkpoint.Kind.ToString()));
            return checkpoint;
        }
        catch (Exception exception) when (exception is InvalidCheckpointException or FileNotFoundException or InvalidDataException or ArgumentException
            or Storage.Archives.ArchiveRejectedException)
        {
            throw new CheckpointUnavailableException(checkpointId, exception.Message, exception);
        }
    }
}
