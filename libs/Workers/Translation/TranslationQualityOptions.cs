using System.ComponentModel.DataAnnotations;

namespace Platform.Workers.Translation;

/// <summary>Bounds of the quality flags (section <c>Translation:Quality</c>).</summary>
public sealed class TranslationQualityOptions
{
    public const string Section = "Translation:Quality";

    /// <summary>
    /// Lowest translation/source ratio in characters (text elements), not tokens: the two sides have different
    /// tokenizers, while characters compare across them. Wide by default, since scripts differ (English → Chinese ≈ 0.3).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinLengthRatio { get; set; } = 0.2;

    [Range(1.0, 100.0)]
    public double MaxLengthRatio { get; set; } = 5.0;

    /// <summary>Sources shorter than this are not ratio-checked: "a" → "ein" is a fine ratio of 3.</summary>
    [Range(1, 10_000)]
    public int MinSourceCharactersForRatio { get; set; } = 10;

    /// <summary>Longest n-gram (in words; in characters for text without spaces) looked at for loops.</summary>
    [Range(1, 16)]
    public int LoopMaxNgram { get; set; } = 4;

    /// <summary>Back-to-back occurrences of one n-gram that make a loop.</summary>
    [Range(2, 100)]
    public int LoopMinRepeats { get; set; } = 4;
}
