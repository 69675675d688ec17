namespace Platform.Metrics.Bleu;

/// <summary>sacreBLEU's smoothing methods (Chen and Cherry, 2014).</summary>
public enum BleuSmoothing
{
    /// <summary><c>none</c>: no smoothing.</summary>
    None,

    /// <summary><c>floor</c>: a zero match count becomes the smoothing value (default 0.1).</summary>
    Floor,

    /// <summary><c>add-k</c>: k added to matches and totals of orders above 1 (default 1).</summary>
    AddK,

    /// <summary><c>exp</c>: NIST geometric decay, as mteval-v13a; sacreBLEU's default.</summary>
    Exp,
}
