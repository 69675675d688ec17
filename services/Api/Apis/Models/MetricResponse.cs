namespace Platform.Api.Apis.Models;

/// <summary>
/// One stored score of a job; the statistics behind it stay in the database. <paramref name="Segments"/> and
/// <paramref name="MissingHypotheses"/> (items scored as empty because the job has no text for them) come from
/// the statistics, null for CIDEr-D, whose statistics are the items themselves. <paramref name="JobId"/> is the job that
/// stored it: the job itself, or for a parent over several checkpoints the child that ran the checkpoint.
/// </summary>
public sealed record MetricResponse(
    Guid JobId, Guid? CheckpointId, string Language, string Metric, double Score, string? Signature, long? Segments, long? MissingHypotheses, DateTimeOffset CreatedAt);
