using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Platform.Inference.Execution;

namespace Platform.Inference.Checkpoints;

/// <summary>
/// Loads each checkpoint (folder + variant + cache mode) once and shares it: its sessions are safe to
/// run concurrently. A failed load is not cached, so a fixed folder can be retried.
/// </summary>
public sealed class CheckpointCache(SessionFactory sessions, ILogger<CheckpointCache>? logger = null) : IDisposable
{
    private readonly ConcurrentDictionary<(string Directory, CheckpointOptions Options), Lazy<Checkpoint>> loaded = new();

    public ExecutionProvider Provider => sessions.ActiveProvider;

    public Checkpoint Get(string directory, CheckpointOptions? options = null)
    {
        var key = (Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)), options ?? CheckpointOptions.Default);
        var entry = loaded.GetOrAdd(key, k => new Lazy<Checkpoint>(() => Load(k.Directory, k.Options)));
        try
        {
            return entry.Value;
        }
        catch
        {
            loaded.TryRemove(new KeyValuePair<(string, CheckpointOptions), Lazy<Checkpoint>>(key, entry));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var entry in loaded.Values.Where(entry => entry.IsValueCreated))
        {
            entry.Value.Dispose();
        }
        loaded.Clear();
    }

    private Checkpoint Load(string directory, CheckpointOptions options)
    {
        var checkpoint = Checkpoint.Load(directory, options, sessions);
        logger?.LogInformation(
            "Loaded checkpoint {Directory} ({Kind}, variant {Variant}, cache {UsesCache}) on {Provider}",
            directory, checkpoint.Kind, options.Variant ?? "default", checkpoint.UsesCache, checkpoint.Provider);
        return checkpoint;
    }
}
