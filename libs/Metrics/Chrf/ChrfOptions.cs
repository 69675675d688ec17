namespace Platform.Metrics.Chrf;

/// <summary>The settings of sacreBLEU 2.x's <c>CHRF</c> metric class, with its defaults.</summary>
public sealed record ChrfOptions
{
    /// <summary>chrF: character 6-grams, beta 2 (sacreBLEU's default).</summary>
    public static ChrfOptions Chrf { get; } = new();

    /// <summary>chrF++: chrF plus word uni- and bigrams (<c>--chrf-word-order 2</c>).</summary>
    public static ChrfOptions ChrfPlusPlus { get; } = new() { WordOrder = 2 };

    public int CharOrder { get; init; } = 6;

    public int WordOrder { get; init; }

    public int Beta { get; init; } = 2;

    public bool Lowercase { get; init; }

    /// <summary>Keep whitespace inside character n-grams.</summary>
    public bool Whitespace { get; init; }

    /// <summary>chrF++.py/NLTK epsilon smoothing instead of sacreBLEU's default effective-order averaging.</summary>
    public bool EpsSmoothing { get; init; }

    internal int Order => CharOrder + WordOrder;
}
