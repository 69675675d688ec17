namespace Platform.Inference.Generation;

/// <summary>
/// The finished hypotheses of one batch item, as transformers' BeamHypotheses: the num_beams best by
/// sum of log-probabilities / generated length ^ length_penalty, the decoder prompt (start token) not counted.
/// </summary>
internal sealed class BeamHypotheses(int numBeams, float lengthPenalty, EarlyStopping earlyStopping, int maxLength)
{
    private const int DecoderPromptLength = 1;
    private readonly List<(double Score, int[] Tokens)> beams = [];
    private double worstScore = 1e9;

    public int Count => beams.Count;

    public void Add(int[] tokens, float sumLogProbs, int generatedLength)
    {
        var score = sumLogProbs / Math.Pow(generatedLength, lengthPenalty);
        if (beams.Count < numBeams || score > worstScore)
        {
            beams.Add((score, tokens));
            if (beams.Count > numBeams)
            {
                var ascending = Ascending().ToList();
                beams.RemoveAt(ascending[0].Index);
                worstScore = ascending[1].Score;
            }
            else
            {
                worstScore = Math.Min(score, worstScore);
            }
        }
    }

    /// <param name="bestSumLogProbs">The best candidate score of this step.</param>
    /// <param name="currentLength">The sequence length once this step's token is appended.</param>
    public bool IsDone(float bestSumLogProbs, int currentLength)
    {
        if (beams.Count < numBeams)
        {
            return false;
        }
        if (earlyStopping == EarlyStopping.True)
        {
            return true;
        }
        var length = earlyStopping == EarlyStopping.Never && lengthPenalty > 0 ? maxLength : currentLength;
        var highestAttainable = bestSumLogProbs / Math.Pow(length - DecoderPromptLength, lengthPenalty);
        return worstScore >= highestAttainable;
    }

    /// <summary>Best first; among equal scores the later-added one first, as Python's sort-then-pop does.</summary>
    public IEnumerable<(double Score, int[] Tokens)> Best() =>
        Ascending().Reverse().Select(beam => (beam.Score, beams[beam.Index].Tokens));

    private IEnumerable<(double Score, int Index)> Ascending() =>
        beams.Select((beam, index) => (beam.Score, Index: index)).OrderBy(beam => beam.Score).ThenBy(beam => beam.Index);
}
