namespace Platform.Workers.Translation;

/// <summary>What goes between translated sentences: nothing in languages written without spaces, else one space.</summary>
public static class SentenceSeparator
{
    private static readonly string[] Unspaced = ["zh", "ja", "th", "lo", "km", "my"];

    public static string For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Unspaced.Contains(language.Split('_', '-')[0], StringComparer.OrdinalIgnoreCase) ? "" : " ";
    }
}
