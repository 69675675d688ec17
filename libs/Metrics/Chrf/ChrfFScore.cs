namespace Platform.Metrics.Chrf;

internal static class ChrfFScore
{
    /// <summary>sacreBLEU's <c>_compute_f_score</c>, term for term.</summary>
    public static double Compute(long[] statistics, ChrfOptions options)
    {
        const double eps = 1e-16;
        var score = 0.0;
        var effectiveOrder = 0;
        double factor = options.Beta * options.Beta;
        var (averagePrecision, averageRecall) = (0.0, 0.0);
        for (var i = 0; i < options.Order; i++)
        {
            var (hyp, reference, match) = (statistics[3 * i], statistics[(3 * i) + 1], statistics[(3 * i) + 2]);
            var precision = hyp > 0 ? (double)match / hyp : eps;
            var recall = reference > 0 ? (double)match / reference : eps;
            var denominator = (factor * precision) + recall;
            score += denominator > 0 ? (1 + factor) * precision * recall / denominator : eps;
            if (hyp > 0 && reference > 0)
            {
                averagePrecision += precision;
                averageRecall += recall;
                effectiveOrder++;
            }
        }

        if (options.EpsSmoothing)
        {
            return 100 * score / options.Order;
        }

        if (effectiveOrder == 0)
        {
            (averagePrecision, averageRecall) = (0.0, 0.0);
        }
        else
        {
            averagePrecision /= effectiveOrder;
            averageRecall /= effectiveOrder;
        }

        if (averagePrecision + averageRecall == 0)
        {
            return 0.0;
        }

        score = (1 + factor) * averagePrecision * averageRecall;
        score /= (factor * averagePrecision) + averageRecall;
        return 100 * score;
    }
}
