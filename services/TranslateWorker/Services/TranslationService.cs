using Platform.Contracts;
using Platform.Inference.Generation;
using Platform.Workers.Batches;
using Platform.Workers.Checkpoints;
using Platform.Workers.Generation;

namespace Platform.TranslateWorker.Services;

/// <summary>Translates each item's source-language caption into every target language, in micro-batches.</summary>
public sealed class TranslationService(CheckpointProvider checkpoints, MicroBatcher batcher)
{
    public async Task TranslateAsync(TranslateBatch batch, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.GetAsync(batch.CheckpointId, cancellationToken);
        var (targets, unsupported) = LanguageTargets.Resolve(checkpoint.Tokenizer, batch.TargetLanguages);
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
                outcome.Fail(item, language, ItemFailureReasons.UnsupportedLanguage, $"The checkpoint has no '{language}' language token.");
            }
            texts.Add(item);
        }
        if (targets.Count == 0)
        {
            return;
        }
        var generator = new TextGenerator(checkpoint);
        var options = batch.Generation.ToOptions();
        var forced = targets.Select(target => target.ForcedToken).ToList();
        var source = checkpoint.Tokenizer.TokenToId(batch.SourceLanguage) is null ? null : batch.SourceLanguage;
        batcher.Run(texts, slice =>
        {
            var results = generator.Translate([.. slice.Select(item => item.Text!)], forced, options, cancellationToken, source);
            // Best sequences come input-major, then in target order; two codes may share a token (de, de_DE).
            foreach (var (result, k) in results.Where(result => result.Rank == 0).Select((result, k) => (result, k)))
            {
                outcome.Add(slice[result.InputIndex], targets[k % targets.Count].Language, result.Text, result.Score);
            }
        }, cancellationToken);
    }
}
