using Platform.Metrics.Text;

namespace Platform.Metrics.Tokenizers;

/// <summary>sacreBLEU's <c>char</c> tokenizer: every code point is a token.</summary>
public sealed class TokenizerChar : IBleuTokenizer
{
    public static TokenizerChar Instance { get; } = new();

    public string Signature => "char";

    public string Tokenize(string line)
    {
        var starts = PythonText.CodePointStarts(line);
        var codePoints = new string[starts.Length - 1];
        for (var i = 0; i < codePoints.Length; i++)
        {
            codePoints[i] = line[starts[i]..starts[i + 1]];
        }

        return string.Join(' ', codePoints);
    }
}
