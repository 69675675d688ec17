namespace Platform.EvalWorker.Services;

/// <summary>One stored score: the metric's name, its value, how it was computed and the statistics to recompute it.</summary>
internal sealed record MetricRow(string Language, string Metric, double Score, string? Signature, string Statistics);
