using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Options;

public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Bytes of one upload (dataset or checkpoint); larger is 413 before anything is read.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 10L << 30;

    /// <summary>Bytes of one manifest line, line break included.</summary>
    [Range(1, 10_000_000)]
    public int MaxManifestLineLength { get; set; } = 64 * 1024;

    /// <summary>Physical lines of one manifest, header and blank lines included.</summary>
    [Range(1, long.MaxValue)]
    public long MaxManifestLines { get; set; } = 100_000_000;

    /// <summary>Items of one manifest.</summary>
    [Range(1, long.MaxValue)]
    public long MaxItemsPerDataset { get; set; } = 50_000_000;

    /// <summary>Entries of one archive, folders included.</summary>
    [Range(1, 10_000_000)]
    public int MaxArchiveEntries { get; set; } = 1_000_000;

    /// <summary>Bytes of one archive once decompressed, counted as they are read (headers can lie).</summary>
    [Range(1, long.MaxValue)]
    public long MaxArchiveUncompressedBytes { get; set; } = 100L << 30;

    /// <summary>Bytes of one archive entry once decompressed.</summary>
    [Range(1, long.MaxValue)]
    public long MaxArchiveEntryBytes { get; set; } = 256L << 20;

    /// <summary>Container that receives uploaded datasets and checkpoints.</summary>
    [Required]
    public string Container { get; set; } = "platform";
}
