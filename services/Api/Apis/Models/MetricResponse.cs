namespace Platform.Api.Apis.Models;

/// <summary>One stored score of a job; the statistics behind it stay in the database.</summary>
public sealed record MetricResponse(Guid CheckpointId, string Language, string Metric, double Score, string? Signature, DateTimeOffset CreatedAt);
