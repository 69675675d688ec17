using System.Globalization;
using System.Text;

using Platform.Metrics.Text;

namespace Platform.Metrics.Tokenizers;

/// <summary>
/// sacreBLEU's <c>intl</c> tokenizer (tokenizer_intl.py, mteval-v14 international). Its three
/// <c>regex</c> substitutions are applied here code point by code point, because .NET's regex
/// engine sees a surrogate pair as two characters of category Cs and would miss astral symbols.
/// </summary>
public sealed class TokenizerIntl : IBleuTokenizer
{
    public static TokenizerIntl Instance { get; } = new();

    public string Signature => "intl";

    public string Tokenize(string line)
    {
        // (\P{N})(\p{P}) -> "\1 \2 "
        line = SubstitutePairs(
            line, (first, second) => !IsNumber(first) && IsPunctuation(second), (first, second) => $"{first} {second} ");
        // (\p{P})(\P{N}) -> " \1 \2"
        line = SubstitutePairs(
            line, (first, second) => IsPunctuation(first) && !IsNumber(second), (first, second) => $" {first} {second}");
        // (\p{S}) -> " \1 "
        var builder = new StringBuilder(line.Length * 2);
        var starts = PythonText.CodePointStarts(line);
        for (var i = 0; i < starts.Length - 1; i++)
        {
            var codePoint = line[starts[i]..starts[i + 1]];
            builder.Append(IsSymbol(PythonText.CategoryAt(line, starts[i])) ? $" {codePoint} " : codePoint);
        }

        return string.Join(' ', PythonText.Split(builder.ToString()));
    }

    /// <summary>re.sub of a two-code-point pattern: scans left to right, a match consumes both code points.</summary>
    private static string SubstitutePairs(
        string line, Func<UnicodeCategory, UnicodeCategory, bool> matches, Func<string, string, string> replace)
    {
        var starts = PythonText.CodePointStarts(line);
        var builder = new StringBuilder(line.Length * 2);
        var count = starts.Length - 1;
        var i = 0;
        while (i < count)
        {
            var first = line[starts[i]..starts[i + 1]];
            if (i + 1 < count && matches(PythonText.CategoryAt(line, starts[i]), PythonText.CategoryAt(line, starts[i + 1])))
            {
                builder.Append(replace(first, line[starts[i + 1]..starts[i + 2]]));
                i += 2;
            }
            else
            {
                builder.Append(first);
                i++;
            }
        }

        return builder.ToString();
    }

    private static bool IsNumber(UnicodeCategory category) => category is UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static bool IsPunctuation(UnicodeCategory category) => category is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation;

    private static bool IsSymbol(UnicodeCategory category) => category is UnicodeCategory.MathSymbol
        or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
}
