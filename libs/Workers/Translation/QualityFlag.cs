namespace Platform.Workers.Translation;

/// <summary>The flags a translation can carry; stored with the result, none of them fails the item.</summary>
public static class QualityFlag
{
    /// <summary>The translation is empty (e.g. every source word was unknown to the model).</summary>
    public const string Empty = "empty";

    /// <summary>The translation equals the source, ignoring case and spacing: untranslated, or copied through.</summary>
    public const string IdenticalToSource = "identical_to_source";

    /// <summary>Translation characters / source characters is outside the configured bounds.</summary>
    public const string LengthRatio = "length_ratio";

    /// <summary>An n-gram repeats back to back more often than allowed, and more often than in the source: a decoding loop.</summary>
    public const string RepeatedNgramLoop = "repeated_ngram_loop";
}
