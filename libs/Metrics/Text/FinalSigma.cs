using System.Globalization;

namespace Platform.Metrics.Text;

/// <summary>
/// Python's Final_Sigma test (unicodeobject.c, handle_capital_sigma): a capital sigma preceded by a
/// cased letter and not followed by one, skipping case-ignorable characters on both sides.
/// </summary>
internal static class FinalSigma
{
    // Word_Break MidLetter / MidNumLet / Single_Quote characters, which Unicode counts as case-ignorable.
    private const string MidWordPunctuation = "'.:\u00B7\u0387\u05F4\u2018\u2019\u2024\u2027\uFE13\uFE52\uFE55\uFF07\uFF0E\uFF1A";

    public static bool IsFinal(string text, int[] starts, int index)
    {
        var before = index - 1;
        while (before >= 0 && IsCaseIgnorable(text, starts[before]))
        {
            before--;
        }

        if (before < 0 || !IsCased(text, starts[before]))
        {
            return false;
        }

        var after = index + 1;
        while (after < starts.Length - 1 && IsCaseIgnorable(text, starts[after]))
        {
            after++;
        }

        return after == starts.Length - 1 || !IsCased(text, starts[after]);
    }

    private static bool IsCased(string text, int offset) =>
        PythonText.CategoryAt(text, offset) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(string text, int offset) =>
        MidWordPunctuation.Contains(text[offset], StringComparison.Ordinal)
        || PythonText.CategoryAt(text, offset) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
}
