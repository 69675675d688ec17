namespace Platform.Contracts;

/// <summary>A job's metrics are stored (<paramref name="Error"/> is null), or scoring could not be done and says why.</summary>
public sealed record JobScored(Guid JobId, int MetricRows, string? Error);
