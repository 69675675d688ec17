using System.Text.RegularExpressions;

namespace Platform.Storage.Manifests;

/// <summary>Caption language keys: ISO 639 code, optionally with a region as mBART-50 writes it (en, fr, en_XX, de_DE).</summary>
public static partial class LanguageCode
{
    public static bool IsValid(string code) => Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
