namespace Platform.Metrics.Bleu;

/// <summary>The settings of sacreBLEU's <c>BLEU</c> metric class, with its defaults.</summary>
public sealed record BleuOptions
{
    /// <summary>Corpus BLEU as <c>sacrebleu</c> and <c>BLEU()</c> compute it.</summary>
    public static BleuOptions Corpus { get; } = new();

    /// <summary>Sentence BLEU as <c>sacrebleu.sentence_bleu</c> and <c>--sentence-level</c> compute it.</summary>
    public static BleuOptions Sentence { get; } = new() { EffectiveOrder = true };

    /// <summary>One of <see cref="Tokenizers.BleuTokenizers.Names"/>.</summary>
    public string Tokenize { get; init; } = Tokenizers.BleuTokenizers.Default;

    public bool Lowercase { get; init; }

    public BleuSmoothing Smoothing { get; init; } = BleuSmoothing.Exp;

    /// <summary>The value for <c>floor</c> and <c>add-k</c>; null takes sacreBLEU's default (0.1, 1).</summary>
    public double? SmoothValue { get; init; }

    public int MaxNgramOrder { get; init; } = 4;

    /// <summary>Stop at the highest n-gram order with any hypothesis n-grams (sentence-level BLEU).</summary>
    public bool EffectiveOrder { get; init; }

    internal double? EffectiveSmoothValue => SmoothValue ?? Smoothing switch
    {
        BleuSmoothing.Floor => 0.1,
        BleuSmoothing.AddK => 1,
        _ => null,
    };
}
