namespace Platform.Contracts;

/// <summary>
/// Score text against a dataset's references: one metrics row per language and metric, stored under
/// <paramref name="JobId"/>. The text is the results of <paramref name="HypothesesJobId"/>, or of the job itself when
/// null. <paramref name="CheckpointId"/> is null for uploaded hypotheses that name no checkpoint.
/// <paramref name="Tokenize"/> and <paramref name="Lowercase"/> are sacreBLEU's (BLEU tokenizer; BLEU and chrF case).
/// </summary>
public sealed record ScoreJob(
    Guid JobId,
    Guid? CheckpointId,
    Guid DatasetId,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Metrics,
    string Tokenize = "13a",
    bool Lowercase = false,
    Guid? HypothesesJobId = null);
