namespace Platform.Metrics.Bleu;

/// <summary>What sacreBLEU's <c>BLEUScore</c> reports. Counts and totals include add-k smoothing when it is used, as sacreBLEU's do.</summary>
public sealed record BleuScore(
    double Score,
    double[] Counts,
    double[] Totals,
    double[] Precisions,
    double Bp,
    long SysLen,
    long RefLen,
    string Signature);
