using Platform.Inference.Checkpoints;
using Platform.Inference.Tokenization;

namespace Platform.Inference.Generation;

/// <summary>
/// Text in, text out over a loaded checkpoint: captions images or translates sentences, once per
/// requested language (a language is the checkpoint's forced first token, e.g. <c>es_XX</c>; null keeps
/// the checkpoint's default). Results come input-major, then language, then rank.
/// </summary>
public sealed class TextGenerator(Checkpoint checkpoint)
{
    private static readonly string?[] DefaultLanguage = [null];

    /// <exception cref="Imaging.ImageRejectedException">An image cannot be used; preprocess items one by one with
    /// <see cref="Checkpoint.ImagePreprocessor"/> to fail only that item.</exception>
    public IReadOnlyList<GenerationResult> Caption(
        IReadOnlyList<ReadOnlyMemory<byte>> images, IReadOnlyList<string?>? languages, GenerationOptions? options,
        CancellationToken cancellationToken)
    {
        var preprocessor = checkpoint.ImagePreprocessor
            ?? throw new InvalidOperationException($"Checkpoint '{checkpoint.Directory}' does not take images.");
        var batch = PixelBatch.For(preprocessor, images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Fill(i, preprocessor, images[i].Span);
        }
        return Caption(batch, languages, options, cancellationToken);
    }

    public IReadOnlyList<GenerationResult> Caption(
        PixelBatch pixels, IReadOnlyList<string?>? languages, GenerationOptions? options, CancellationToken cancellationToken)
    {
        var targets = Targets(languages);
        return Decode(checkpoint.GenerateFromPixels(pixels, ForcedTokens(targets), options, cancellationToken), targets);
    }

    /// <param name="sourceLanguage">For tokenizers with language codes (mBART-50: <c>en_XX</c>).</param>
    public IReadOnlyList<GenerationResult> Translate(
        IReadOnlyList<string> sentences, IReadOnlyList<string?>? languages, GenerationOptions? options,
        CancellationToken cancellationToken, string? sourceLanguage = null)
    {
        var targets = Targets(languages);
        var sources = sentences.Select(sentence => checkpoint.Tokenizer.Encode(sentence, sourceLanguage)).ToList();
        return Decode(checkpoint.GenerateFromTokens(sources, ForcedTokens(targets), options, cancellationToken), targets);
    }

    private static IReadOnlyList<string?> Targets(IReadOnlyList<string?>? languages) =>
        languages is { Count: > 0 } ? languages : DefaultLanguage;

    private int?[] ForcedTokens(IReadOnlyList<string?> languages) =>
        [.. languages.Select(language => language is null ? (int?)null
            : LanguageTokens.Resolve(checkpoint.Tokenizer, language) is { } token
                ? checkpoint.Tokenizer.TokenToId(token)
                : throw new ArgumentException($"Checkpoint '{checkpoint.Directory}' has no language token '{language}'."))];

    private List<GenerationResult> Decode(IReadOnlyList<GeneratedSequence[]> generated, IReadOnlyList<string?> languages) =>
        [.. generated.SelectMany((sequences, index) => sequences.Select((sequence, rank) => new GenerationResult(
            index / languages.Count, languages[index % languages.Count], rank,
            checkpoint.Tokenizer.Decode(sequence.TokenIds.ToArray()), sequence.TokenIds, sequence.Score)))];
}
