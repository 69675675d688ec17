namespace Platform.Inference.Generation;

/// <summary>transformers' <c>early_stopping</c>: true, false or "never".</summary>
public enum EarlyStopping
{
    /// <summary>Stop a beam group as soon as it has num_beams finished hypotheses.</summary>
    True,

    /// <summary>Stop when no running beam can beat the worst finished one at the current length.</summary>
    False,

    /// <summary>Stop only when no running beam can beat it at any reachable length.</summary>
    Never,
}
