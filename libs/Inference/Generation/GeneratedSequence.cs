namespace Platform.Inference.Generation;

/// <summary>
/// One generated sequence: the ids as generate() returns them (decoder start token first, EOS last when
/// the sequence ended) and its score: sum of log-probabilities / generated length ^ length_penalty.
/// </summary>
public sealed record GeneratedSequence(IReadOnlyList<int> TokenIds, double Score);
