using Platform.Inference.Tokenization;

namespace Platform.Workers.Translation;

/// <summary>
/// Counts a text's source tokens the way the encoder gets them, less the special tokens every input carries
/// (Marian's <c>&lt;/s&gt;</c>; mBART-50's language code and <c>&lt;/s&gt;</c>), which a segment's budget leaves room for.
/// </summary>
public sealed class SourceTokens(ITextTokenizer tokenizer, string? sourceLanguage)
{
    public int Overhead { get; } = tokenizer.Encode("", sourceLanguage).Length;

    public int Count(string text) => tokenizer.Encode(text, sourceLanguage).Length - Overhead;

    /// <summary>
    /// Most tokens of one segment: what the encoder has positions for, and what the decoder may generate besides its
    /// start and end tokens (<paramref name="maxLength"/>), since a translation about as long as its source would
    /// otherwise be cut off.
    /// </summary>
    public int Budget(int? maxPositions, int maxLength) =>
        Math.Max(1, Math.Min(maxPositions is { } positions ? positions - Overhead : int.MaxValue, maxLength - 2));

    public Func<string, IReadOnlyList<string>> Segmenter(int? maxPositions, int maxLength) =>
        new TextSegmenter(Count, Budget(maxPositions, maxLength)).Segment;
}
