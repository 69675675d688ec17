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

    /// <summary>Splits what does not fit <paramref name="maxPositions"/>; with no bound every text is one segment.</summary>
    public Func<string, IReadOnlyList<string>> Segmenter(int? maxPositions) =>
        maxPositions is { } positions ? new TextSegmenter(Count, Math.Max(1, positions - Overhead)).Segment : text => [text];
}
