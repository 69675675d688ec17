using Platform.Metrics.Text;

namespace Platform.Metrics.Chrf;

internal static class ChrfWords
{
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>sacreBLEU's <c>_remove_punctuation</c>: one ASCII punctuation mark split off a word's end, else its start.</summary>
    public static string[] Split(string segment)
    {
        var words = new List<string>();
        foreach (var word in PythonText.Split(segment))
        {
            if (PythonText.CodePointStarts(word).Length == 2)
            {
                words.Add(word);
            }
            else if (Punctuation.Contains(word[^1], StringComparison.Ordinal))
            {
                words.Add(word[..^1]);
                words.Add(word[^1..]);
            }
            else if (Punctuation.Contains(word[0], StringComparison.Ordinal))
            {
                words.Add(word[..1]);
                words.Add(word[1..]);
            }
            else
            {
                words.Add(word);
            }
        }

        return [.. words];
    }
}
