namespace Platform.Metrics.Evaluation;

/// <summary>The metric names of stored score rows (one row per language and name).</summary>
public static class StoredMetricNames
{
    public const string Bleu = "bleu";
    public const string Chrf = "chrf";
    public const string ChrfPlusPlus = "chrf++";
    public const string Cider = "cider";
    public const string RougeL = "rouge-l";

    /// <summary><c>bleu-1</c> … <c>bleu-4</c>: the COCO caption evaluation's BLEU-n.</summary>
    public static string CocoBleu(int order) => $"bleu-{order}";
}
