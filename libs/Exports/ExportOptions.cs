using System.ComponentModel.DataAnnotations;

namespace Platform.Exports;

public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Blob container the exports are written to, as <c>{job id}/results.{format}</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9](-?[a-z0-9])+$")]
    public string Container { get; set; } = "exports";

    /// <summary>Results read from PostgreSQL per keyset page.</summary>
    [Range(100, 100_000)]
    public int PageRows { get; set; } = 5_000;

    /// <summary>Rows per Parquet row group: the most rows held in memory while writing Parquet.</summary>
    [Range(100, 1_000_000)]
    public int RowGroupRows { get; set; } = 50_000;

    /// <summary>How long a download link stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);
}
