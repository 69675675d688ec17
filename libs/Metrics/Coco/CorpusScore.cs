namespace Platform.Metrics.Coco;

/// <summary>A corpus score (the mean of the item scores) and each item's score, in corpus order.</summary>
public sealed record CorpusScore(double Score, double[] ItemScores);
