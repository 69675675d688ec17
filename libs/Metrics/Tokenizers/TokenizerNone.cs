namespace Platform.Metrics.Tokenizers;

/// <summary>sacreBLEU's <c>none</c> tokenizer: the text is already tokenized.</summary>
public sealed class TokenizerNone : IBleuTokenizer
{
    public static TokenizerNone Instance { get; } = new();

    public string Signature => "none";

    public string Tokenize(string line) => line;
}
