using Platform.Metrics.Evaluation;

namespace Platform.Metrics.Tests.Evaluation;

public sealed class CorpusEvaluatorTests
{
    [Fact]
    public void Computes_only_the_requested_metrics_with_per_item_scores()
    {
        var evaluator = new CorpusEvaluator(new EvaluationOptions(MetricNames.Parse("cider, rouge-l")));
        evaluator.Add("A dog runs.", ["a dog runs", ""]);
        evaluator.Add(null, ["Two cats."]);

        var result = evaluator.Result();

        Assert.Null(result.Bleu);
        Assert.Null(result.Chrf);
        Assert.Null(result.CocoBleu);
        Assert.Equal(2, result.Cider!.ItemScores.Length);
        Assert.Equal(0.0, result.Cider.ItemScores[1]);
        // "a dog runs" equals its reference after the COCO tokenization: ROUGE-L 1, then the missing item 0.
        Assert.Equal([1.0, 0.0], result.RougeL!.ItemScores);
        Assert.Equal(0.5, result.RougeL.Score);
        // The empty reference line is absent, not a reference: one reference per segment.
        Assert.Equal(new SegmentCounts(2, 0, 1, 1, 1), result.Counts);
    }

    [Fact]
    public void Nothing_to_score_and_unknown_names_are_refused()
    {
        Assert.Throws<MetricInputException>(() => new CorpusEvaluator(new EvaluationOptions(MetricNames.Parse("bleu"))).Result());
        Assert.Throws<ArgumentException>(() => MetricNames.Parse("bleu,ter"));
        Assert.Throws<ArgumentException>(() => MetricNames.Parse(" , "));
    }
}
