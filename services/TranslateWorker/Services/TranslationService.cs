using Platform.Contracts;
using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Workers.Batches;
using Platform.Workers.Checkpoints;
using Platform.Workers.Generation;
using Platform.Workers.Translation;

namespace Platform.TranslateWorker.Services;

/// <summary>
/// Translates each item's source text into every target language. Texts longer than the encoder's positions (or than
/// the decoder may generate) are split into sentences (or windows) and joined back; segments run shortest first in micro-batches to cut padding;
/// each translation is stored with its quality flags.
/// </summary>
public sealed class TranslationService(CheckpointProvider checkpoints, MicroBatcher batcher, QualityFlags quality, ILogger<TranslationService> logger)
{
    public async Task TranslateAsync(TranslateBatch batch, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.GetAsync(batch.CheckpointId, cancellationToken);
        if (checkpoint.Languages is { } pair && !checkpoint.Capabilities.TranslatesFrom(batch.SourceLanguage))
        {
            FailAll(batch.Items, outcome, $"The checkpoint translates from '{pair.Source}', not from '{batch.SourceLanguage}'.");
            return;
        }
        var (targets, unsupported) = checkpoint.Capabilities.Resolve(batch.TargetLanguages);
        var texts = new List<WorkItem>();
        foreach (var item in batch.Items)
        {
            if (string.IsNullOrWhiteSpace(item.Text))
            {
                outcome.Fail(item, null, ItemFailureReasons.EmptyText, $"The item has no '{batch.SourceLanguage}' text to translate.");
                continue;
            }
            foreach (var language in unsupported)
            {
                outcome.Fail(item, language, ItemFailureReasons.UnsupportedLanguage, checkpoint.Languages?.Target is { } target
                    ? $"The checkpoint translates into '{target}' only, not '{language}'."
                    : $"The checkpoint has no '{language}' language token.");
            }
            texts.Add(item);
        }
        if (targets.Count == 0 || texts.Count == 0)
        {
            return;
        }
        var source = checkpoint.Tokenizer.TokenToId(batch.SourceLanguage) is null ? null : batch.SourceLanguage;
        var options = batch.Generation.ToOptions();
        var tokens = new SourceTokens(checkpoint.Tokenizer, source);
        var segmenter = tokens.Segmenter(checkpoint.MaxSourcePositions, checkpoint.ResolveSettings(options).MaxLength);
        var plan = TranslationPlan.Create([.. texts.Select(item => item.Text!)], segmenter, tokens.Count);
        var translations = await TranslateSegmentsAsync(checkpoint, plan, targets, options, source, cancellationToken);
        for (var i = 0; i < texts.Count; i++)
        {
            for (var t = 0; t < targets.Count; t++)
            {
                var (text, score) = translations.Of(plan, i, t, SentenceSeparator.For(targets[t].Language));
                outcome.Add(texts[i], targets[t].Language, text, score, quality.Of(texts[i].Text!, text));
            }
        }
    }

    private async Task<SegmentTranslations> TranslateSegmentsAsync(
        Checkpoint checkpoint, TranslationPlan plan, IReadOnlyList<LanguageTarget> targets, GenerationOptions? options, string? source,
        CancellationToken cancellationToken)
    {
        var generator = new TextGenerator(checkpoint);
        var forced = targets.Select(target => target.ForcedToken).ToList();
        var translations = new SegmentTranslations(targets.Count, plan.SegmentCount);
        logger.LogDebug(
            "{Segments} segments, padding {Sorted} tokens sorted by length instead of {Unsorted}", plan.SegmentCount,
            PaddingCost.Of(plan.BySize.Select(s => s.Tokens), batcher.Size), PaddingCost.Of(plan.BySize.OrderBy(s => s.Id).Select(s => s.Tokens), batcher.Size));
        await batcher.RunAsync(plan.BySize, slice =>
        {
            var results = generator.Translate([.. slice.Select(segment => segment.Text)], forced, options, cancellationToken, source);
            // Best sequences come input-major, then in target order; two codes may share a token (de, de_DE).
            foreach (var (result, k) in results.Where(result => result.Rank == 0).Select((result, k) => (result, k)))
            {
                translations.Set(k % targets.Count, slice[result.InputIndex], result.Text, result.Score);
            }
        }, cancellationToken);
        return translations;
    }

    private static void FailAll(IReadOnlyList<WorkItem> items, BatchOutcome outcome, string detail)
    {
        foreach (var item in items)
        {
            outcome.Fail(item, null, ItemFailureReasons.UnsupportedLanguage, detail);
        }
    }
}
