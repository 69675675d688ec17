namespace Platform.Metrics.Coco;

/// <summary>One item as the COCO caption evaluation scores it: a tokenized hypothesis and its tokenized references.</summary>
/// <param name="Hypothesis">Tokens separated by spaces (the PTB tokenizer's output, or <see cref="CocoTokenizer"/>'s); null when the item has none, which is scored as empty and counted.</param>
/// <param name="References">At least one; empty references are kept, as pycocoevalcap keeps them.</param>
public sealed record CocoSegment(string? Hypothesis, string[] References)
{
    internal string HypothesisText => Hypothesis ?? "";

    /// <exception cref="MetricInputException">There is no reference.</exception>
    public static CocoSegment Create(string? hypothesis, IReadOnlyList<string?> references) => references.Count > 0
        ? new CocoSegment(hypothesis, [.. references.Select(reference => reference ?? "")])
        : throw new MetricInputException("A caption has no reference; the COCO evaluation needs at least one.");
}
