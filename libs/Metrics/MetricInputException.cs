namespace Platform.Metrics;

/// <summary>Input the reference tools refuse too: a segment without any reference, an empty corpus, mismatched streams.</summary>
public sealed class MetricInputException(string message) : Exception(message);
