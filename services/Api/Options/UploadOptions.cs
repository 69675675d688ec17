using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Options;

public sealed class UploadOptions
{
    public const string Section = "Uploads";

    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 10L << 30;

    [Range(1, 10_000_000)]
    public int MaxManifestLineLength { get; set; } = 64 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxItemsPerDataset { get; set; } = 50_000_000;

    [Range(1, 10_000_000)]
    public int MaxArchiveEntries { get; set; } = 1_000_000;

    [Range(1, long.MaxValue)]
    public long MaxArchiveUncompressedBytes { get; set; } = 100L << 30;

    /// <summary>Container that receives uploaded datasets and checkpoints.</summary>
    [Required]
    public string Container { get; set; } = "platform";
}
