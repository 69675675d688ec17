using Platform.Contracts;

namespace Platform.Api.Apis.Models;

/// <summary>
/// The body of <c>POST /v1/jobs/{captions|translations|evaluations}</c>. Captions: an image dataset and an image→text
/// checkpoint. Translations: a dataset with captions in <see cref="SourceLanguage"/> and a text→text checkpoint, or with
/// <see cref="SourceJobId"/> the <see cref="SourceLanguage"/> output of a finished caption (or translation) job on that dataset.
/// Evaluations: a dataset with reference captions in every language, scored against the checkpoint's output.
/// </summary>
public sealed record CreateJobRequest(
    Guid DatasetId,
    Guid? CheckpointId,
    IReadOnlyList<Guid>? CheckpointIds,
    IReadOnlyList<string>? Languages,
    string? SourceLanguage,
    IReadOnlyList<string>? Metrics,
    GenerationOverrides? Generation,
    int? BatchSize,
    Uri? WebhookUrl,
    Guid? SourceJobId = null);
