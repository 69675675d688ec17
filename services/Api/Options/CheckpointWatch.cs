using System.ComponentModel.DataAnnotations;
using Platform.Data.Entities;

namespace Platform.Api.Options;

/// <summary>
/// One training run to watch: the blob prefix its <c>ckpt-N/</c> (or <c>checkpoint-N/</c>) folders appear under, and
/// the evaluation each new complete checkpoint gets.
/// </summary>
public sealed class CheckpointWatch
{
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,60}$", ErrorMessage = "A watch name is 1-60 letters, digits, '.', '_' or '-'.")]
    public string Name { get; set; } = "";

    /// <summary>The tenant the run's checkpoints and evaluation jobs belong to, and whose dataset they are evaluated on.</summary>
    public Guid TenantId { get; set; } = Tenant.DefaultId;

    /// <summary><c>container/path/to/run</c>: the folder holding the <c>ckpt-N/</c> folders.</summary>
    [Required]
    public string BlobPrefix { get; set; } = "";

    public CheckpointTask Task { get; set; } = CheckpointTask.ImageToText;

    /// <summary>The dataset with references to evaluate on: its id, or its name (the newest dataset of that name).</summary>
    [Required]
    public string Dataset { get; set; } = "";

    [MinLength(1)]
    public List<string> Languages { get; set; } = [];

    /// <summary>For a text→text checkpoint: the dataset caption language it translates from.</summary>
    public string? SourceLanguage { get; set; }

    /// <summary>Null: the evaluation defaults (sacreBLEU BLEU and chrF, COCO BLEU-1..4, CIDEr-D).</summary>
    public List<string>? Metrics { get; set; }

    [Range(1, 10_000)]
    public int? BatchSize { get; set; }

    /// <summary>Hangfire cron (seconds allowed) of the scan.</summary>
    [Required]
    public string Cron { get; set; } = "*/5 * * * *";

    /// <summary>
    /// A file the training run writes last into a finished folder (e.g. <c>_COMPLETE</c>). Set: a folder with its
    /// required files and this marker is complete at once. Unset: it is complete once it has its required files and
    /// is unchanged (names, sizes, ETags) between two scans.
    /// </summary>
    public string? Marker { get; set; }
}
