using System.Globalization;
using System.Text;

namespace Platform.Metrics.Text;

/// <summary>
/// The string operations sacreBLEU and pycocoevalcap get from Python's <c>str</c>, reproduced so
/// that the same text yields the same tokens: Python's whitespace set (which adds U+001C..U+001F to
/// .NET's), code-point indexing (a surrogate pair is one character) and full lowercasing.
/// </summary>
public static class PythonText
{
    public static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f';

    /// <summary><c>str.split()</c> with no separator: runs of whitespace split, empty fields are dropped.</summary>
    public static string[] Split(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || IsWhiteSpace(text[i]);
            if (boundary && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            else if (!boundary && start < 0)
            {
                start = i;
            }
        }

        return [.. tokens];
    }

    /// <summary><c>str.rstrip()</c>.</summary>
    public static string TrimEnd(string text)
    {
        var end = text.Length;
        while (end > 0 && IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end == text.Length ? text : text[..end];
    }

    /// <summary><c>''.join(text.split())</c>: every whitespace character removed.</summary>
    public static string RemoveWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// UTF-16 offsets where each code point starts, plus <c>text.Length</c> at the end, so that
    /// <c>text[starts[i]..starts[i + n]]</c> is Python's <c>text[i:i + n]</c>. A lone surrogate counts as one.
    /// </summary>
    public static int[] CodePointStarts(string text)
    {
        var starts = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            starts.Add(i);
        }

        starts.Add(text.Length);
        return [.. starts];
    }

    /// <summary>The general category of the code point at <paramref name="index"/>, as Python's Unicode database reports it.</summary>
    public static UnicodeCategory CategoryAt(string text, int index) =>
        Rune.TryGetRuneAt(text, index, out var rune) ? Rune.GetUnicodeCategory(rune) : UnicodeCategory.Surrogate;

    /// <summary>
    /// <c>str.lower()</c>: the simple lowercase mapping per code point, plus the two rules where Python
    /// differs from it: U+0130 lowercases to "i\u0307", and capital sigma to final sigma at a word's end.
    /// </summary>
    public static string Lower(string text)
    {
        var builder = new StringBuilder(text.Length);
        var starts = CodePointStarts(text);
        for (var i = 0; i < starts.Length - 1; i++)
        {
            var start = starts[i];
            if (!Rune.TryGetRuneAt(text, start, out var rune))
            {
                builder.Append(text[start]);
            }
            else if (rune.Value == 0x130)
            {
                builder.Append("i\u0307");
            }
            else if (rune.Value == 0x3A3)
            {
                builder.Append(FinalSigma.IsFinal(text, starts, i) ? 'ς' : 'σ');
            }
            else
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return builder.ToString();
    }
}
