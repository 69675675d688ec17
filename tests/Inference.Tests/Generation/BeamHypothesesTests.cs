using Platform.Inference.Generation;

namespace Platform.Inference.Tests.Generation;

public sealed class BeamHypothesesTests
{
    // A short hypothesis (sum -1.0 over 2 tokens) against a long one (sum -1.8 over 4 tokens).
    [Theory]
    [InlineData(0f, 2)]
    [InlineData(0.5f, 2)]
    [InlineData(1f, 4)]
    [InlineData(2f, 4)]
    public void Length_penalty_decides_between_a_short_and_a_long_hypothesis(float lengthPenalty, int winnerLength)
    {
        var hypotheses = new BeamHypotheses(2, lengthPenalty, EarlyStopping.False, maxLength: 20);
        hypotheses.Add([9, 1, 2], -1.0f, generatedLength: 2);
        hypotheses.Add([9, 3, 4, 5, 6], -1.8f, generatedLength: 4);

        var (score, tokens) = hypotheses.Best().First();

        Assert.Equal(winnerLength, tokens.Length - 1);
        Assert.Equal((winnerLength == 2 ? -1.0 : -1.8) / Math.Pow(winnerLength, lengthPenalty), score, 1e-6);
    }

    [Fact]
    public void Only_the_best_num_beams_hypotheses_are_kept()
    {
        var hypotheses = new BeamHypotheses(2, 1f, EarlyStopping.False, maxLength: 20);
        hypotheses.Add([9, 1], -3f, 1);
        hypotheses.Add([9, 2], -1f, 1);
        hypotheses.Add([9, 3], -2f, 1);

        Assert.Equal([[9, 2], [9, 3]], hypotheses.Best().Select(best => best.Tokens));
    }

    [Theory]
    [InlineData(EarlyStopping.True, -100f, true)]
    [InlineData(EarlyStopping.False, -1.5f, true)]
    [InlineData(EarlyStopping.False, -0.5f, false)]
    [InlineData(EarlyStopping.Never, -3f, false)]
    [InlineData(EarlyStopping.Never, -20f, true)]
    public void Is_done_follows_early_stopping(EarlyStopping earlyStopping, float bestRunning, bool done)
    {
        var hypotheses = new BeamHypotheses(1, 1f, earlyStopping, maxLength: 11);
        hypotheses.Add([9, 1, 2], -1f, 2);

        // At current length 3 (2 generated): False compares with bestRunning / 2, Never with bestRunning / 10.
        Assert.Equal(done, hypotheses.IsDone(bestRunning, currentLength: 3));
    }
}
