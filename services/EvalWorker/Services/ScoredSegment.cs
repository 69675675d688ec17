namespace Platform.EvalWorker.Services;

/// <summary>One dataset item in one language: the job's text for it (null when it has none) and the item's references.</summary>
internal sealed record ScoredSegment(long Ordinal, string? Hypothesis, IReadOnlyList<string?>? References);
