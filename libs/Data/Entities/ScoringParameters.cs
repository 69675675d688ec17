namespace Platform.Data.Entities;

/// <summary>
/// The scoring step of a job: which languages and metrics, sacreBLEU's tokenizer and lowercasing, and whose
/// text is scored (another job's results; null: the job's own).
/// </summary>
public sealed record ScoringParameters(
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Metrics,
    string Tokenize = "13a",
    bool Lowercase = false,
    Guid? HypothesesJobId = null);
