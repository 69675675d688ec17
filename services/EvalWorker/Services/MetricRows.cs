using System.Text.Json;
using Platform.Metrics.Coco;
using Platform.Metrics.Evaluation;

namespace Platform.EvalWorker.Services;

/// <summary>Turns one language's scores and statistics into stored rows; the COCO BLEU gives one row per order.</summary>
internal static class MetricRows
{
    private const string CocoTokens = "tok:coco-approx";

    public static IEnumerable<MetricRow> Of(string language, EvaluationResult result, EvaluationStatistics statistics)
    {
        if (result.Bleu is { } bleu)
        {
            yield return new MetricRow(language, StoredMetricNames.Bleu, bleu.Score, bleu.Signature, Json(statistics.Bleu));
        }
        if (result.Chrf is { } chrf)
        {
            yield return new MetricRow(language, StoredMetricNames.Chrf, chrf.Score, chrf.Signature, Json(statistics.Chrf));
        }
        if (result.ChrfPlusPlus is { } chrfPlusPlus)
        {
            yield return new MetricRow(language, StoredMetricNames.ChrfPlusPlus, chrfPlusPlus.Score, chrfPlusPlus.Signature, Json(statistics.ChrfPlusPlus));
        }
        if (result.CocoBleu is { } cocoBleu)
        {
            var cocoStatistics = Json(statistics.CocoBleu);
            for (var order = 1; order <= CocoBleu.Order; order++)
            {
                yield return new MetricRow(
                    language, StoredMetricNames.CocoBleu(order), cocoBleu[order - 1], $"pycocoevalcap-bleu|n:{order}|option:closest|{CocoTokens}", cocoStatistics);
            }
        }
        if (result.Cider is { } cider)
        {
            yield return new MetricRow(language, StoredMetricNames.Cider, cider.Score, $"pycocoevalcap-cider-d|n:4|sigma:6|{CocoTokens}", Json(statistics.Cider));
        }
        if (result.RougeL is { } rougeL)
        {
            yield return new MetricRow(language, StoredMetricNames.RougeL, rougeL.Score, $"pycocoevalcap-rouge-l|beta:1.2|{CocoTokens}", Json(statistics.RougeL));
        }
    }

    private static string Json<T>(T statistics) => JsonSerializer.Serialize(statistics);
}
