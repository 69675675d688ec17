namespace Platform.Inference.Generation;

/// <summary>
/// One generated text for one input and language: <see cref="TokenIds"/> as generate() returns them
/// (decoder start token first), <see cref="Rank"/> 0 for the best of num_return_sequences.
/// </summary>
public sealed record GenerationResult(
    int InputIndex, string? Language, int Rank, string Text, IReadOnlyList<int> TokenIds, double Score);
