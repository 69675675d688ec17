namespace Platform.Metrics.Coco;

/// <summary>
/// An approximation, for plain captions, of the COCO evaluation's tokenization: Stanford
/// PTBTokenizer 3.4.1 with <c>-lowerCase</c>, then removal of its punctuation tokens
/// (<c>'' ' `` ` -LRB- -RRB- -LCB- -RCB- . ? ! , : - -- ... ;</c>).
/// Reproduced: lowercasing; quotes, brackets and the listed marks split off and dropped;
/// clitics split off and kept ("dog's" → "dog 's", "don't" → "do n't", "cannot" → "can not");
/// commas and colons inside numbers kept ("1,000"); "$ % # &amp;" split off and kept; hyphenated
/// words kept whole. Not reproduced (Java is not run): PTB's abbreviation list (a final period
/// stays only on tokens that already contain a period, like "u.s."), its escaping of "/" and "*",
/// square brackets (PTB's -LSB-/-RSB- are not in the removal list; here they are dropped) and
/// its handling of URLs, emoticons and SGML.
/// </summary>
public static class CocoTokenizer
{
    private const string Opening = "\"'`([{";
    private const string Closing = "\"'`)]}.,!?:;";
    private const string Separate = "$%#&";
    private static readonly string[] Clitics = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];
    private static readonly string[] SplitWords = ["cannot", "gonna", "gotta", "wanna", "gimme", "lemme"];

    public static string Tokenize(string caption)
    {
        var tokens = new List<string>();
        foreach (var chunk in Text.PythonText.Split(caption.Replace('\n', ' ').ToLowerInvariant()))
        {
            foreach (var piece in SplitInside(chunk))
            {
                AddWord(piece, tokens);
            }
        }

        return string.Join(' ', tokens);
    }

    /// <summary>Splits at marks inside a chunk ("a,b" "wow!really"), except commas, colons and periods between digits.</summary>
    private static IEnumerable<string> SplitInside(string chunk)
    {
        var start = 0;
        for (var i = 0; i < chunk.Length; i++)
        {
            var c = chunk[i];
            var betweenDigits = i > 0 && i < chunk.Length - 1 && char.IsAsciiDigit(chunk[i - 1]) && char.IsAsciiDigit(chunk[i + 1]);
            if ((c is ',' or ';' or '!' or '?' or ':' or '"' || Separate.Contains(c, StringComparison.Ordinal)) && !betweenDigits)
            {
                yield return chunk[start..i];
                yield return chunk[i..(i + 1)];
                start = i + 1;
            }
        }

        yield return chunk[start..];
    }

    private static void AddWord(string word, List<string> tokens)
    {
        while (word.Length > 0 && Opening.Contains(word[0], StringComparison.Ordinal))
        {
            word = word[1..];
        }

        while (word.Length > 0 && EndsWithClosing(word))
        {
            word = word[..^1];
        }

        if (word.Length == 0 || IsDropped(word))
        {
            return;
        }

        if (Separate.Contains(word, StringComparison.Ordinal) && word.Length == 1)
        {
            tokens.Add(word);
            return;
        }

        var split = SplitWords.FirstOrDefault(w => w == word);
        if (split is not null)
        {
            tokens.Add(word[..^3]);
            tokens.Add(word[^3..]);
            return;
        }

        var clitic = Clitics.FirstOrDefault(c => word.Length > c.Length && word.EndsWith(c, StringComparison.Ordinal));
        if (clitic is not null)
        {
            tokens.Add(word[..^clitic.Length]);
            tokens.Add(clitic);
            return;
        }

        tokens.Add(word);
    }

    // A final period stays on tokens that already hold one ("u.s."), as PTB keeps acronyms whole.
    private static bool EndsWithClosing(string word) => Closing.Contains(word[^1], StringComparison.Ordinal)
        && !(word[^1] == '.' && word[..^1].Contains('.', StringComparison.Ordinal) && !word.EndsWith("..", StringComparison.Ordinal));

    private static bool IsDropped(string word) => word is "-" or "--";
}
