namespace Platform.Data.Entities;

/// <summary>One score per (job, checkpoint, language, metric), with what is needed to recompute it.</summary>
public sealed class MetricScore
{
    public Guid Id { get; set; }
    public Guid JobId { get; set; }
    /// <summary>Null for uploaded hypotheses that name no checkpoint.</summary>
    public Guid? CheckpointId { get; set; }
    public required string Language { get; set; }
    public required string Metric { get; set; }
    public double Score { get; set; }
    public string? Signature { get; set; }
    public string Statistics { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
}
