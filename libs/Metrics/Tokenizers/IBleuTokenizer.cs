namespace Platform.Metrics.Tokenizers;

/// <summary>One of sacreBLEU's BLEU tokenizers: turns a segment into space-separated tokens.</summary>
public interface IBleuTokenizer
{
    /// <summary>The name sacreBLEU prints in the signature's <c>tok:</c> field.</summary>
    string Signature { get; }

    string Tokenize(string line);
}
