namespace Platform.Metrics;

/// <summary>Aligns a hypothesis stream with reference streams (sacreBLEU's <c>refs</c> layout: one stream per reference set).</summary>
public static class Streams
{
    /// <exception cref="MetricInputException">The streams have different lengths.</exception>
    public static IEnumerable<(string? Hypothesis, IReadOnlyList<string?> References)> Zip(
        IEnumerable<string?> hypotheses, IReadOnlyList<IReadOnlyList<string?>> referenceStreams)
    {
        if (referenceStreams.Count == 0)
        {
            throw new MetricInputException("No reference stream was given.");
        }

        var index = 0;
        foreach (var hypothesis in hypotheses)
        {
            if (referenceStreams.Any(stream => stream.Count <= index))
            {
                throw new MetricInputException("Hypothesis and reference streams have different lengths.");
            }

            var current = index;
            yield return (hypothesis, referenceStreams.Select(stream => stream[current]).ToArray());
            index++;
        }

        if (referenceStreams.Any(stream => stream.Count != index))
        {
            throw new MetricInputException("Hypothesis and reference streams have different lengths.");
        }
    }
}
