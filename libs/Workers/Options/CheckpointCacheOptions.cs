using System.ComponentModel.DataAnnotations;

namespace Platform.Workers.Options;

/// <summary>The local disk cache of checkpoint exports (section <c>CheckpointCache</c>).</summary>
public sealed class CheckpointCacheOptions
{
    public const string Section = "CheckpointCache";

    [Required]
    public string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "platform-checkpoints");

    /// <summary>Least recently used exports are deleted once the cache grows past this.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 50L << 30;
}
