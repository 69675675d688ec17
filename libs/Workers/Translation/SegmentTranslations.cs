namespace Platform.Workers.Translation;

/// <summary>Per target language, each segment's translation and score, filled by micro-batches in any order.</summary>
public sealed class SegmentTranslations(int targets, int segments)
{
    private readonly string[][] texts = [.. Enumerable.Range(0, targets).Select(_ => new string[segments])];
    private readonly double[][] scores = [.. Enumerable.Range(0, targets).Select(_ => new double[segments])];

    public void Set(int target, Segment segment, string text, double score)
    {
        ArgumentNullException.ThrowIfNull(segment);
        texts[target][segment.Id] = text;
        scores[target][segment.Id] = score;
    }

    /// <summary>The item's full translation into <paramref name="target"/> and its mean segment score.</summary>
    public (string Text, double Score) Of(TranslationPlan plan, int item, int target, string separator)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return (plan.Join(item, texts[target], separator), plan.Mean(item, scores[target]));
    }
}
