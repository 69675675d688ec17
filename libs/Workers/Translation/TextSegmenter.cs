using System.Globalization;

namespace Platform.Workers.Translation;

/// <summary>
/// Cuts a text the encoder cannot take whole into pieces of at most <c>maxTokens</c> tokens, in order: its
/// sentences; a sentence still too long into windows of whole words; a word still too long (e.g. text written
/// without spaces) into windows of characters. A text that fits is one piece, untouched.
/// </summary>
/// <param name="countTokens">Tokens of a text without the model's special tokens.</param>
public sealed class TextSegmenter(Func<string, int> countTokens, int maxTokens)
{
    public IReadOnlyList<string> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return countTokens(text) <= maxTokens ? [text] : [.. SentenceSplitter.Split(text).SelectMany(SplitSentence)];
    }

    private IEnumerable<string> SplitSentence(string sentence) =>
        countTokens(sentence) <= maxTokens ? [sentence] : Pack(sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), " ", SplitWord);

    private IEnumerable<string> SplitWord(string word)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(word);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }
        // A single character over the limit cannot be cut further; the encoder gets it as it is.
        return Pack(elements, "", element => [element]);
    }

    /// <summary>Greedily joins parts while the joined text fits; a part that alone does not fit is split further.</summary>
    private IEnumerable<string> Pack(IReadOnlyList<string> parts, string separator, Func<string, IEnumerable<string>> splitPart)
    {
        var window = "";
        foreach (var part in parts)
        {
            var candidate = window.Length == 0 ? part : window + separator + part;
            if (countTokens(candidate) <= maxTokens)
            {
                window = candidate;
                continue;
            }
            if (window.Length > 0)
            {
                yield return window;
            }
            window = "";
            if (countTokens(part) <= maxTokens)
            {
                window = part;
                continue;
            }
            foreach (var piece in splitPart(part))
            {
                yield return piece;
            }
        }
        if (window.Length > 0)
        {
            yield return window;
        }
    }
}
