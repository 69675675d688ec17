using System.Globalization;

namespace Platform.Workers.Translation;

/// <summary>How often one n-gram occurs back to back, at most, in a text ("la la la la" has the unigram "la" 4 times).</summary>
public static class RepeatedNgrams
{
    public static int LongestRun(string text, int maxNgram)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = Units(text);
        var longest = units.Count > 0 ? 1 : 0;
        for (var n = 1; n <= maxNgram; n++)
        {
            for (var offset = 0; offset < n; offset++)
            {
                var run = 1;
                for (var start = offset + n; start + n <= units.Count; start += n)
                {
                    run = SameNgram(units, start - n, start, n) ? run + 1 : 1;
                    longest = Math.Max(longest, run);
                }
            }
        }
        return longest;
    }

    /// <summary>Words, or characters for text written without spaces (Chinese, Japanese, Thai).</summary>
    private static List<string> Units(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1)
        {
            return [.. words];
        }
        var characters = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text.Trim());
        while (enumerator.MoveNext())
        {
            characters.Add(enumerator.GetTextElement());
        }
        return characters;
    }

    private static bool SameNgram(List<string> units, int first, int second, int n)
    {
        for (var k = 0; k < n; k++)
        {
            if (!string.Equals(units[first + k], units[second + k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }
}
