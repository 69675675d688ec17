namespace Platform.Api.Apis.Models;

/// <summary>
/// The JSON body of <c>POST /v1/scores</c>: score a finished job's results against its dataset's references.
/// <see cref="Languages"/> defaults to the job's languages that the dataset has references in; <see cref="Metrics"/>
/// to sacreBLEU's BLEU and chrF; <see cref="Tokenize"/> (BLEU's tokenizer) to 13a.
/// </summary>
public sealed record ScoreRequest(
    Guid? JobId, Guid? DatasetId, IReadOnlyList<string>? Languages, IReadOnlyList<string>? Metrics, string? Tokenize, bool? Lowercase);

/// <summary>The query of <c>POST /v1/scores</c> with uploaded hypotheses (text/plain, one per dataset item, in dataset order).</summary>
public sealed record HypothesesUpload(
    Guid? DatasetId, string? Language, Guid? CheckpointId, IReadOnlyList<string>? Metrics, string? Tokenize, bool? Lowercase);
