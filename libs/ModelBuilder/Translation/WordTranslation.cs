namespace Platform.ModelBuilder.Translation;

/// <summary>One English word and its (uninflected) German, French and Spanish translations.</summary>
public sealed record WordTranslation(string English, string German, string French, string Spanish)
{
    public string In(string targetLanguage) => targetLanguage switch
    {
        "de" => German,
        "fr" => French,
        "es" => Spanish,
        _ => throw new ArgumentException($"Unsupported target language '{targetLanguage}'; use de, fr or es.", nameof(targetLanguage)),
    };
}
