namespace Platform.Metrics.Tokenizers;

/// <summary>The sacreBLEU tokenizers this library reproduces, by their sacreBLEU names.</summary>
public static class BleuTokenizers
{
    public const string Default = "13a";

    public static IReadOnlyList<string> Names { get; } = ["13a", "intl", "char", "none"];

    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static IBleuTokenizer Get(string name) => name switch
    {
        "13a" => Tokenizer13a.Instance,
        "intl" => TokenizerIntl.Instance,
        "char" => TokenizerChar.Instance,
        "none" => TokenizerNone.Instance,
        _ => throw new ArgumentException(
            $"Unknown BLEU tokenizer '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name)),
    };
}
