namespace Platform.Contracts;

/// <summary>Translate the text of every item of the batch from the source language into every target language.</summary>
public sealed record TranslateBatch(
    Guid JobId,
    int BatchIndex,
    Guid CheckpointId,
    string SourceLanguage,
    IReadOnlyList<string> TargetLanguages,
    IReadOnlyList<WorkItem> Items,
    GenerationOverrides? Generation);
