namespace Platform.Workers.Checkpoints;

/// <summary>One extracted export in the disk cache.</summary>
public sealed record CacheEntry(string Name, long Bytes, DateTime LastUsedUtc);
