namespace Platform.ModelBuilder.Captioning;

/// <summary>The captioner's languages with their mBART-50 codes.</summary>
public static class CaptionLanguage
{
    /// <summary>Two-letter language → mBART-50 code, in the order the captioner's tables use.</summary>
    public static IReadOnlyList<(string Language, string Code)> All { get; } =
        [("en", "en_XX"), ("fr", "fr_XX"), ("de", "de_DE"), ("es", "es_XX")];

    /// <summary>Index of a language given as "fr" or as its code "fr_XX".</summary>
    public static int IndexOf(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(language, All[i].Language, StringComparison.OrdinalIgnoreCase)
                || string.Equals(language, All[i].Code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"Unsupported caption language '{language}'; use one of en, fr, de, es or their mBART codes.", nameof(language));
    }
}
