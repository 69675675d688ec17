using System.Text.Json;

namespace Platform.Inference.Checkpoints;

/// <summary>
/// The one direction a single-pair checkpoint translates, as Hugging Face's Marian exports declare it in
/// tokenizer_config.json (<c>"source_lang": "en", "target_lang": "de"</c>). Either side may be missing.
/// </summary>
public sealed record LanguagePair(string? Source, string? Target)
{
    private const string File = "tokenizer_config.json";

    /// <summary>The declared pair; null when tokenizer_config.json declares neither side.</summary>
    public static LanguagePair? Read(string directory)
    {
        JsonElement? config;
        try
        {
            config = ConfigValues.Read(Path.Combine(directory, File));
        }
        catch (JsonException e)
        {
            throw new InvalidCheckpointException(directory, $"{File} is not valid JSON: {e.Message}");
        }
        var values = new ConfigValues(config is { } found ? [found] : []);
        var (source, target) = (values.String("source_lang"), values.String("target_lang"));
        return source is null && target is null ? null : new LanguagePair(source, target);
    }

    /// <summary>
    /// Whether a requested code names the same language as a declared one: <c>de</c>, <c>de_DE</c> and <c>de-AT</c>
    /// all match a declared <c>de</c> (the base before <c>_</c> or <c>-</c>, case-insensitive). A side not declared matches anything.
    /// </summary>
    public static bool Matches(string? declared, string requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return declared is null || string.Equals(Base(declared), Base(requested), StringComparison.OrdinalIgnoreCase);
    }

    private static string Base(string code) => code.Split('_', '-')[0];
}
