namespace Platform.Metrics.Bleu;

/// <summary>sacreBLEU's <c>compute_bleu</c>, statement for statement, so the floating-point result is the same.</summary>
internal static class BleuComputation
{
    public static BleuScore Compute(BleuStatistics statistics, BleuOptions options, string signature)
    {
        var order = options.MaxNgramOrder;
        var smoothValue = options.EffectiveSmoothValue ?? 0;
        var correct = statistics.Correct.Select(count => (double)count).ToArray();
        var total = statistics.Total.Select(count => (double)count).ToArray();
        var (sysLen, refLen) = (statistics.SysLen, statistics.RefLen);
        var bp = sysLen < refLen ? (sysLen > 0 ? Math.Exp(1 - ((double)refLen / sysLen)) : 0.0) : 1.0;
        var precisions = new double[order];

        // Early stop if there are no matches (sacreBLEU #141).
        if (correct.All(count => count == 0))
        {
            return new BleuScore(0.0, correct, total, precisions, bp, sysLen, refLen, signature);
        }

        var smoothMteval = 1.0;
        var effectiveOrder = order;
        for (var n = 1; n <= order; n++)
        {
            if (options.Smoothing == BleuSmoothing.AddK && n > 1)
            {
                correct[n - 1] += smoothValue;
                total[n - 1] += smoothValue;
            }

            if (total[n - 1] == 0)
            {
                break;
            }

            if (options.EffectiveOrder)
            {
                effectiveOrder = n;
            }

            if (correct[n - 1] == 0)
            {
                if (options.Smoothing == BleuSmoothing.Exp)
                {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
                }
                else if (options.Smoothing == BleuSmoothing.Floor)
                {
                    precisions[n - 1] = 100.0 * smoothValue / total[n - 1];
                }
            }
            else
            {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }

        var logSum = 0.0;
        for (var n = 0; n < effectiveOrder; n++)
        {
            // sacreBLEU's my_log floors log(0) to -9999999999.
            logSum += precisions[n] == 0.0 ? -9999999999 : Math.Log(precisions[n]);
        }

        var score = bp * Math.Exp(logSum / effectiveOrder);
        return new BleuScore(score, correct, total, precisions, bp, sysLen, refLen, signature);
    }
}
