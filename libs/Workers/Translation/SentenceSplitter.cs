using System.Collections.Frozen;

namespace Platform.Workers.Translation;

/// <summary>
/// Splits text into sentences by punctuation, without a language model (no sentence splitter on our package feed is
/// maintained). A sentence ends after <c>. ! ? …</c> (with any closing quotes or brackets) followed by whitespace, or
/// right after a full-width terminator (<c>。！？</c>), which needs no space. A period does not end a sentence after
/// a single letter (initials, <c>e.g.</c>, <c>U.S.</c>) or a common abbreviation (<c>Mr.</c>, <c>Dr.</c>, <c>etc.</c>).
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "inc", "ltd", "corp", "fig", "vol",
        "approx", "dept", "ca", "cf", "al", "bzw", "usw", "vgl", "mme", "mlle", "sra", "srta",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const string Terminators = ".!?…";
    private const string WideTerminators = "。！？｡";
    private const string Closers = "\"'”’»)]}」』）";

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var wide = WideTerminators.Contains(text[i], StringComparison.Ordinal);
            if (!wide && !Terminators.Contains(text[i], StringComparison.Ordinal))
            {
                continue;
            }
            var end = i + 1;
            while (end < text.Length && (Terminators.Contains(text[end], StringComparison.Ordinal)
                || WideTerminators.Contains(text[end], StringComparison.Ordinal) || Closers.Contains(text[end], StringComparison.Ordinal)))
            {
                end++;
            }
            var breaks = wide || end == text.Length || char.IsWhiteSpace(text[end]);
            if (breaks && !(text[i] == '.' && end == i + 1 && EndsWithAbbreviation(text, start, i)))
            {
                Add(sentences, text[start..end]);
                start = end;
            }
            i = end - 1;
        }
        Add(sentences, text[start..]);
        return sentences;
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }

    /// <summary>Whether the word before the period at <paramref name="period"/> is an abbreviation or an initial.</summary>
    private static bool EndsWithAbbreviation(string text, int start, int period)
    {
        var wordStart = period;
        while (wordStart > start && !char.IsWhiteSpace(text[wordStart - 1]) && !Closers.Contains(text[wordStart - 1], StringComparison.Ordinal)
            && text[wordStart - 1] is not ('(' or '"' or '“' or '«'))
        {
            wordStart--;
        }
        var word = text[wordStart..period];
        return (word.Length == 1 && char.IsLetter(word[0]))
            || Abbreviations.Contains(word)
            || (word.Contains('.', StringComparison.Ordinal) && word.Split('.').All(part => part.Length <= 1));
    }
}
