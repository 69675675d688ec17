using Platform.Contracts;
using Platform.Metrics;
using Platform.Metrics.Evaluation;

namespace Platform.EvalWorker.Services;

/// <summary>
/// Scores a job language by language over a stream of its segments. Memory stays bounded for every metric
/// but CIDEr-D (and ROUGE-L), whose statistics keep the tokenised items: those grow with the dataset.
/// </summary>
internal sealed class JobScorer(SegmentReader segments, MetricRowWriter writer, ILogger<JobScorer> logger)
{
    /// <returns>The number of metric rows stored.</returns>
    /// <exception cref="ArgumentException">A metric or tokenizer name is unknown.</exception>
    /// <exception cref="MetricInputException">A language has no item with references, or an item's references are all empty.</exception>
    public async Task<int> ScoreAsync(ScoreJob request, CancellationToken cancellationToken)
    {
        var options = new EvaluationOptions(MetricNames.Parse(string.Join(',', request.Metrics)), request.Tokenize, request.Lowercase);
        var hypothesesJob = request.HypothesesJobId ?? request.JobId;
        var rows = new List<MetricRow>();
        foreach (var language in request.Languages)
        {
            var evaluator = new CorpusEvaluator(options);
            var unreferenced = 0L;
            await foreach (var segment in segments.ReadAsync(hypothesesJob, request.DatasetId, language, cancellationToken))
            {
                if (segment.References is not { Count: > 0 } references)
                {
                    unreferenced++;
                    continue;
                }
                evaluator.Add(segment.Hypothesis, references);
            }
            var statistics = evaluator.Statistics();
            var result = evaluator.Result();
            logger.LogInformation(
                "Job {JobId} {Language}: {Segments} segments scored, {Missing} without a hypothesis, {Unreferenced} items without references left out",
                request.JobId, language, result.Counts.Segments, result.Counts.MissingHypotheses, unreferenced);
            rows.AddRange(MetricRows.Of(language, result, statistics));
        }
        await writer.WriteAsync(request.JobId, request.CheckpointId, rows, cancellationToken);
        return rows.Count;
    }
}
