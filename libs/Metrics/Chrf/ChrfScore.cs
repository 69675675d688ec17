namespace Platform.Metrics.Chrf;

/// <summary>A chrF score on sacreBLEU's 0..100 scale; <paramref name="Name"/> is e.g. <c>chrF2</c> or <c>chrF2++</c>.</summary>
public sealed record ChrfScore(string Name, double Score, string Signature);
